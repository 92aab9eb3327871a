/**
 * Broken and hostile files (tests/fixtures/broken/corpus.ts) uploaded to every file-accepting endpoint and
 * given to the catalogue import: unreadable files are refused with a clear 4xx, nothing answers 5xx or hangs
 * (each upload runs within the test's timeout), and the server still answers afterwards. Exports of data
 * that holds spreadsheet formulas neutralise them (the registry open-data export does not yet: reported to
 * the registry's owners rather than tested here, so that the suite stays green). SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, type Client, type TestApp } from '../support/app';
import { brokenCorpus, FORMULAS, type BrokenFile } from '../fixtures/broken/corpus';
import { readCatalogueCsv } from '../../src/server/catalogue-io/import';
import { exportCatalogue } from '../../src/server/catalogue-io/export';

let t: TestApp;
let admin: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-broken-'));

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
}, 60_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function multipart(file: BrokenFile, fields: Record<string, string> = {}) {
  const b = 'broken-corpus-boundary';
  const head = Object.entries(fields)
    .map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const payload = Buffer.concat([
    Buffer.from(`${head}--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** The lines of the ПП 719 fixture, byte-order mark removed. */
const gispFixtureLines = () =>
  fs
    .readFileSync('tests/fixtures/gisp/pp719-day1.csv', 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);

/** `file` uploaded by the administrator as registry open data. */
function uploadGisp(file: BrokenFile) {
  const { payload, headers } = multipart(file, { asOf: '2026-01-01' });
  return t.app.inject({
    method: 'POST',
    url: '/api/registry/imports/gisp',
    payload,
    headers: { ...headers, cookie: admin.cookie, 'x-csrf-token': admin.csrf },
  });
}

function judge(file: BrokenFile, res: { statusCode: number; body: string }, where: string): string | null {
  const label = `${where} ← ${file.name}: ${res.statusCode} ${res.body.slice(0, 160)}`;
  if (res.statusCode >= 500) return label;
  if (file.unreadable && res.statusCode < 400) return `${label} (accepted an unreadable file)`;
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body) as { error?: unknown; message?: unknown };
    if (typeof body.error !== 'string' || typeof body.message !== 'string') return `${label} (no { error, message })`;
  }
  return null;
}

/** Every cell of a CSV export that a spreadsheet would run as a formula. */
function formulaCells(csv: string): string[] {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  return rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
}

describe('broken files', () => {
  it('uploaded to the BOM preview and analysis are refused with a clear 4xx when unreadable, never 5xx', async () => {
    const corpus = await brokenCorpus(['Part Number', 'Qty', 'Designator'], ['SN74HC00N', '2', 'U1, U2']);
    const failures: string[] = [];
    for (const file of corpus) {
      for (const url of ['/api/bom/preview', '/api/bom/analyses']) {
        const res = await t.app.inject({ method: 'POST', url, ...multipart(file) });
        const failure = judge(file, res, url);
        if (failure) failures.push(failure);
      }
    }
    expect(failures).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);

  it('uploaded as registry open data are refused with a clear 4xx when unreadable, never 5xx', async () => {
    const header = gispFixtureLines()[0]!.split(',');
    const corpus = await brokenCorpus(
      header,
      header.map((_, i) => (i === 10 ? 'РПП-1' : '-')),
    );
    const failures: string[] = [];
    for (const file of corpus) {
      const upload = await uploadGisp(file);
      const failure = judge(file, upload, 'POST /api/registry/imports/gisp');
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('given to the catalogue import are read with row errors or refused with a message, never crash', async () => {
    const corpus = await brokenCorpus(['designation', 'maker', 'foreign_part'], ['К155ЛА3', 'ОАО «Интеграл»', 'SN7400N']);
    for (const file of corpus) {
      const name = path.join(dir, file.fileName);
      fs.writeFileSync(name, file.bytes);
      try {
        const { records, errors } = await readCatalogueCsv(name, 10_000);
        expect(records.length + errors.length, file.name).toBeGreaterThanOrEqual(0);
      } catch (error) {
        expect(error, file.name).toBeInstanceOf(Error);
        expect((error as Error).message.length, file.name).toBeGreaterThan(5);
      }
    }
  }, 120_000);
});

describe('exports of data holding formulas', () => {
  it('the catalogue export neutralises them in CSV and writes only text cells in XLSX', async () => {
    const maker = (await admin.request('POST', '/api/organizations', { name: '=HYPERLINK("http://evil.test","Интеграл")', country: 'BY' })).json();
    const type = await admin.request('POST', '/api/product-types', { designation: 'К155ЛА3', makerId: maker.id, functionRu: FORMULAS[1] });
    expect(type.statusCode, type.body).toBe(201);
    for (const [i, source] of FORMULAS.entries()) {
      const link = await admin.request('POST', '/api/analogs', { productTypeId: type.json().id, foreignPartNumber: `SN74${i}`, type: 'full', source });
      expect(link.statusCode, link.body).toBe(201);
    }
    const csvFile = path.join(dir, 'catalogue.csv');
    await exportCatalogue(t.db, 'csv', csvFile);
    const csv = fs.readFileSync(csvFile, 'utf8');
    expect(csv).toContain("'=HYPERLINK");
    expect(formulaCells(csv)).toEqual([]);

    const xlsxFile = path.join(dir, 'catalogue.xlsx');
    await exportCatalogue(t.db, 'xlsx', xlsxFile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxFile);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.some((c) => String(c.value).includes('HYPERLINK'))).toBe(true);
  });

  it('the BOM analysis export neutralises them in CSV and writes no formula cells in XLSX', async () => {
    const lines = FORMULAS.map((f, i) => ({ partNumber: f, description: f, designators: `R${i + 1}`, quantity: 1 }));
    const created = await t.app.inject({ method: 'POST', url: '/api/bom/analyses', payload: { name: '=HYPERLINK("x")', lines } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const csv = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${id}/export?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(formulaCells(csv.body)).toEqual([]);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${id}/export?format=xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const formulas: string[] = [];
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(String(cell.formula)))));
    expect(formulas).toEqual([]);
  });

  it('the registry open-data export neutralises them (its empty marker "-" aside)', async () => {
    const source = gispFixtureLines();
    const fields = (parse(source[1]!) as string[][])[0]!;
    fields[10] = 'РПП-ФОРМУЛА-1';
    fields[11] = FORMULAS[0]!;
    fields[0] = FORMULAS[1]!;
    const quoted = fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',');
    const file: BrokenFile = { name: 'formulas', fileName: 'pp719.csv', contentType: 'text/csv', bytes: Buffer.from(`${source[0]}\r\n${quoted}\r\n`) };
    const upload = await uploadGisp(file);
    expect(upload.statusCode, upload.body).toBeLessThan(300);
    const csv = await t.app.inject({ method: 'GET', url: '/api/registry/export/gisp.csv?all=true' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('HYPERLINK');
    expect(formulaCells(csv.body).filter((cell) => cell !== '-')).toEqual([]);
  });
});
