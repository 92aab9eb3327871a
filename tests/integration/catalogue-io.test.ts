/** The demo dataset, catalogue import (with row errors and dry runs) and export round trips. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { importCatalogue, readCatalogueCsv } from '../../src/server/catalogue-io/import';
import { exportCatalogue } from '../../src/server/catalogue-io/export';
import { loadDemoDataset, DEMO_DATASET } from '../../src/server/demo/dataset';
import { migrateToLatest } from '../../src/server/db/migrate';
import { bootstrap } from '../../src/server/bootstrap';
import { designationKeys } from '../../src/domain/matching';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-io-'));

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json());

describe('the demo dataset', () => {
  it('loads about 2,800 analog links, every one unverified and with its source', async () => {
    const stats = await get('/api/stats');
    const dataRows = fs.readFileSync(DEMO_DATASET, 'utf8').trim().split('\n').length - 1;
    expect(stats.analogLinks).toBeGreaterThan(2800);
    expect(stats.analogLinks).toBeLessThanOrEqual(dataRows);
    const verified = await get('/api/analogs?verified=true');
    expect(verified.total).toBe(0);
    const noSource = await t.db.kysely.selectFrom('analog_links').select('id').where('source', 'is', null).execute();
    expect(noSource).toHaveLength(0);
  });

  it('derives category and Russian function text from the function letters, marked as derived', async () => {
    const page = await get(`/api/product-types?q=${encodeURIComponent('133ТМ5')}`);
    const p = page.items.find((i: { designation: string }) => i.designation === '133ТМ5');
    expect(p).toMatchObject({ category: { code: 'flip-flops-d' }, functionRu: 'D-триггеры', functionDerived: true });
  });

  it('keeps function text given by a source as not derived, and marks disputed rows partial', async () => {
    const page = await get(`/api/product-types?q=${encodeURIComponent('К155ЛА3')}`);
    const p = page.items.find((i: { designation: string }) => i.designation === 'К155ЛА3');
    expect(p.functionDerived).toBe(false);
    expect(p.functionRu).toBeTruthy();
    const partial = await get('/api/analogs?type=partial&pageSize=200');
    expect(partial.total).toBeGreaterThan(10);
    for (const a of partial.items) expect(a.source).toContain('[check:');
  });

  it('creates the named makers with their country and links their products', async () => {
    const by = await get('/api/organizations?country=BY');
    expect(by.items.map((o: { name: string }) => o.name)).toContain('ОАО «Интеграл»');
    const ru = await get('/api/organizations?country=RU');
    const milandr = ru.items.find((o: { name: string }) => o.name === 'АО «ПКК Миландр»');
    expect(milandr.productCount).toBeGreaterThanOrEqual(5);
  });

  it('loading it again changes nothing', async () => {
    const before = await get('/api/stats');
    const report = await loadDemoDataset(t.db);
    expect(report.analogLinksCreated).toBe(0);
    expect(report.productTypesCreated).toBe(0);
    expect(await get('/api/stats')).toEqual(before);
  });
});

describe('stored search keys', () => {
  it('are recomputed on start when the matching rules changed, and left alone when current', async () => {
    await t.db.kysely.updateTable('product_types').set({ designation_base_key: 'STALE', search_stems: null }).execute();
    await t.db.kysely.updateTable('foreign_parts').set({ base_key: 'STALE' }).execute();
    await bootstrap(t.db, t.services, { demo: false, seedOnFirstStart: false, adminEmail: ADMIN_EMAIL });
    const untouched = await t.db.kysely
      .selectFrom('product_types')
      .select('designation_base_key')
      .where('designation', '=', 'К155ЛА3')
      .executeTakeFirstOrThrow();
    expect(untouched.designation_base_key).toBe('STALE');
    await t.db.kysely.updateTable('settings').set({ value: 'older rules' }).where('key', '=', 'search_keys_version').execute();
    await bootstrap(t.db, t.services, { demo: false, seedOnFirstStart: false, adminEmail: ADMIN_EMAIL });
    const product = await t.db.kysely
      .selectFrom('product_types')
      .select(['designation_base_key', 'search_stems'])
      .where('designation', '=', 'К155ЛА3')
      .executeTakeFirstOrThrow();
    expect(product.designation_base_key).toBe(designationKeys('К155ЛА3').base);
    expect(product.search_stems).toBeTruthy();
    const part = await t.db.kysely.selectFrom('foreign_parts').select('base_key').where('part_number', '=', 'SN7400').executeTakeFirstOrThrow();
    expect(part.base_key).toBe('7400');
    const r = await get(`/api/search?q=${encodeURIComponent('К155ЛА3')}`);
    expect(r.productTypes.items[0]).toMatchObject({ designation: 'К155ЛА3', tier: 'exact' });
  });
});

describe('import', () => {
  it('reports bad rows by line number, imports the good ones, and a dry run writes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      '\uFEFFdesignation;foreign_part;analog_type;maker;maker_country;source\n' +
        'КР5554ЛА3;TST7400;full;ОАО «Интеграл»;BY;test file\n' +
        ';TST7402;full;;;test\n' +
        'КР5554ЛЕ1;TST7402;exact;;;test\n' +
        'КР5554ТМ2;TST7474;functional;Somebody;Belarus;test\n' +
        'КР5554ИР23;TST74374;;;;test\n',
    );
    const parsed = await readCatalogueCsv(file);
    const dry = await importCatalogue(t.db, parsed, { dryRun: true });
    expect(dry.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(dry.errors[1].message).toContain('exact');
    expect(dry.analogLinksCreated).toBe(2);
    expect((await get(`/api/foreign-parts?q=TST74374`)).total).toBe(0);
    const real = await importCatalogue(t.db, parsed);
    expect(real.analogLinksCreated).toBe(2);
    const part = (await get(`/api/foreign-parts?q=TST74374`)).items[0];
    const detail = await get(`/api/foreign-parts/${part.id}`);
    expect(detail.analogs[0]).toMatchObject({ type: 'functional', verified: false, source: 'test' });
  });

  it('rejects a file without a designation column with a clear message', async () => {
    const file = path.join(dir, 'nohead.csv');
    fs.writeFileSync(file, 'a,b,c\n1,2,3\n');
    await expect(readCatalogueCsv(file)).rejects.toThrow(/no designation column/);
  });
});

describe('export', () => {
  it('round-trips the catalogue through CSV into a fresh database', async () => {
    const file = path.join(dir, 'catalogue.csv');
    const rows = await exportCatalogue(t.db, 'csv', file);
    const stats = await get('/api/stats');
    expect(rows).toBeGreaterThanOrEqual(stats.analogLinks);
    const fresh = await createTestDatabase();
    const db = fresh.open();
    try {
      await migrateToLatest(db);
      const report = await importCatalogue(db, await readCatalogueCsv(file));
      expect(report.errors).toEqual([]);
      expect(report.analogLinksCreated).toBe(stats.analogLinks);
      expect(report.productTypesCreated).toBe(stats.productTypes);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('writes JSON and XLSX with one row per analog link', async () => {
    const json = path.join(dir, 'catalogue.json');
    const n = await exportCatalogue(t.db, 'json', json);
    const parsed = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(parsed).toHaveLength(n);
    expect(parsed[0]).toHaveProperty('designation');
    const xlsx = path.join(dir, 'catalogue.xlsx');
    expect(await exportCatalogue(t.db, 'xlsx', xlsx)).toBe(n);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('catalogue')!;
    expect(sheet.rowCount).toBe(n + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('designation');
  });

  it('neutralises spreadsheet formulas in CSV cells', async () => {
    await t.db.kysely.updateTable('product_types').set({ function_ru: '=HYPERLINK("http://x","y")' }).where('designation', '=', 'К155ЛА3').execute();
    const file = path.join(dir, 'formula.csv');
    await exportCatalogue(t.db, 'csv', file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/[,\n]"?=HYPERLINK/);
  });
});
