/** The Russian registry's open data (ПП 719): import with its diff summary, decisions in the log, export, admin API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';
import { buildApp, type AppConfig } from '../../src/server/app';
import { CsvReader, GISP_COLUMNS, GISP_HEADER_LINE, gispCsvLine, parseGispRow, type GispRow, type GispValues } from '../../src/domain/registry/gisp';
import type { GispImport } from '../../src/server/registry/gisp/service';
import { GispRepository } from '../../src/server/registry/gisp/repository';
import { GispWriterThread } from '../../src/server/registry/gisp/writer-thread';
import { bootstrap } from '../../src/server/bootstrap';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'gisp');
const DAY1 = path.join(FIXTURES, 'pp719-day1.csv');
const DAY2 = path.join(FIXTURES, 'pp719-day2.csv');

let t: TestApp;
let admin: Client;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reestr-gisp-'));

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function multipart(file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const boundary = '----reestr' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(client: Client | null, file: { name: string; bytes: Buffer }, fields: Record<string, string> = {}, app = t.app) {
  const { payload, headers } = multipart(file, fields);
  return app.inject({
    method: 'POST',
    url: '/api/registry/imports/gisp',
    payload,
    headers: client ? { ...headers, cookie: client.cookie, 'x-csrf-token': client.csrf } : headers,
  });
}

const records = () => t.db.kysely.selectFrom('registry_records').selectAll().where('origin', '=', 'gisp').orderBy('number_key').execute();
const record = (key: string) =>
  t.db.kysely.selectFrom('registry_records').selectAll().where('origin', '=', 'gisp').where('number_key', '=', key).executeTakeFirstOrThrow();
const eventCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('registry_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function parseCsv(text: string): GispRow[] {
  const reader = new CsvReader();
  const all = [...reader.push(text), ...reader.end()];
  return all.slice(1).map((r) => parseGispRow((r as { fields: string[] }).fields, r.line) as GispRow);
}

describe('import of the published file', () => {
  let first: GispImport;

  it('imports the fixture through the admin API, reporting broken rows by line', async () => {
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('organizations')
      .values({ name: 'ООО «Элемент»', country: 'RU', inn: '7701234567', created_at: now, updated_at: now })
      .execute();
    const res = await upload(admin, { name: 'gispdata-current-pp719-products-structure.csv', bytes: fs.readFileSync(DAY1) }, { asOf: '2025-06-01' });
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
    expect(first.summary).toMatchObject({
      status: 'finished',
      asOf: '2025-06-01',
      rows: 9,
      records: 6,
      new: 6,
      renewed: 0,
      excluded: 0,
      expired: 0,
      unchanged: 0,
      rejectedRows: 2,
      events: 7, // six inclusions and the exclusion of the record that had already ended
    });
    expect(first.summary.rejected).toEqual([
      { line: 7, message: '26 columns instead of 27' },
      { line: 9, message: expect.stringContaining('Docdate: "2023-02-30" is not a date') },
    ]);
    expect(first.fileName).toBe('gispdata-current-pp719-products-structure.csv');
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads quoted commas and quotes, - as empty, several ТН ВЭД codes, DD.MM.YYYY and a decimal comma', async () => {
    expect(await record('100')).toMatchObject({
      origin: 'gisp',
      country: 'RU',
      state: 'included',
      number: '100',
      maker_name: 'ООО "ТЕСТ"',
      maker_inn: '3400000000',
      maker_address: null,
      product_name: 'Насос НД630-90',
      product_name_key: 'насос нд630-90',
      tnved: '["8413 70 300 0"]',
      points: 185,
      is_ai: 0,
      is_electronic: null,
      doc_name: 'Акт экспертизы ТПП',
      doc_date: '2024-03-15',
      doc_number: '012-01-00080',
      department: 'Департамент',
      valid_from: '2024-04-10',
      valid_till: '2027-04-09',
      end_date: null,
    });
    const r300 = await record('300');
    expect(JSON.parse(r300.tnved)).toEqual(['8542 31 000 0', '8542 39 900 0', '8504 40 300 9']);
    expect(r300).toMatchObject({
      valid_from: '2023-03-15',
      valid_till: '2028-03-14',
      percentage: 55.5,
      level: 2,
      is_electronic: 1,
      is_ai: 1,
      production_address: 'Россия, Воронеж',
    });
    expect((await record('400')).product_name).toBe('Генератор "кварцевый", серия ГК\nисполнение 2');
    expect(await record('10320/1/2022')).toMatchObject({ number: '10320\\1\\2022', primary_number: '10320\\1\\2022' });
  });

  it('keeps renewals written far apart as periods, the newest being current', async () => {
    const r200 = await record('200');
    expect(r200).toMatchObject({ number: '200', valid_from: '2022-01-10', valid_till: '2025-12-31', points: 110, conclusion_number: 'ЗК-2' });
    const periods = await t.db.kysely.selectFrom('registry_periods').selectAll().where('record_id', '=', r200.id).orderBy('valid_from').execute();
    expect(periods.map((p) => [p.valid_from, p.valid_till])).toEqual([
      ['2019-01-10', '2022-01-09'],
      ['2022-01-10', '2025-12-31'],
    ]);
    expect(JSON.parse(periods[0].details!)).toMatchObject({ conclusionNumber: 'ЗК-1', score: 100 });
  });

  it('marks a filled Enddate as an early end, with include and exclude decisions in the log', async () => {
    const r600 = await record('600');
    expect(r600.end_date).toBe('2024-12-01');
    const events = await t.db.kysely.selectFrom('registry_events').selectAll().where('record_id', '=', r600.id).orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.effective_date, e.actor_name, e.actor_id])).toEqual([
      ['include', '2022-05-05', 'ГИСП (открытые данные)', null],
      ['exclude', '2024-12-01', 'ГИСП (открытые данные)', null],
    ]);
    const payload = JSON.parse(events[1].payload);
    expect(JSON.stringify(payload)).toContain(`"importId":${first.id}`);
    expect(JSON.stringify(payload)).toContain('"lines":[10]');
    const log = await t.db.kysely.selectFrom('registry_log').select('event_id').where('record_id', '=', r600.id).execute();
    expect(log).toHaveLength(2);
  });

  it('links a record to the organization with its ИНН', async () => {
    const org = await t.db.kysely.selectFrom('organizations').select('id').where('inn', '=', '7701234567').executeTakeFirstOrThrow();
    expect((await record('300')).organization_id).toBe(org.id);
    expect((await record('100')).organization_id).toBeNull();
  });

  it('is idempotent: the same file again changes nothing and writes no decision', async () => {
    const before = await eventCount();
    const snapshot = await records();
    const again = await t.services.registryGisp.importFile(DAY1, { asOf: '2025-06-01' });
    expect(again.summary).toMatchObject({
      new: 0,
      renewed: 0,
      excluded: 0,
      expired: 0,
      updated: 0,
      unchanged: 6,
      events: 0,
      rejectedRows: 2,
      previousImportId: first.id,
    });
    expect(await eventCount()).toBe(before);
    expect(await records()).toEqual(snapshot);
  });

  it('counts new, renewed, excluded, expired and updated records of a changed file', async () => {
    const before = await eventCount();
    const day2 = await t.services.registryGisp.importFile(DAY2, { asOf: '2025-10-15', fileName: 'day2.csv' });
    expect(day2.summary).toMatchObject({
      status: 'finished',
      previousAsOf: '2025-06-01',
      records: 7,
      new: 1, // 700
      renewed: 1, // 200: a third period
      excluded: 1, // 300: ended on 2025-06-01
      expired: 1, // 400: ran out on 2025-09-30, no decision
      updated: 1, // 10320\1\2022: name corrected
      unchanged: 3, // 100, 400, 600 (rows in another order, no BOM, LF)
      rejectedRows: 0,
      events: 4,
    });
    expect(await eventCount()).toBe(before + 4);
    const kinds = await t.db.kysely
      .selectFrom('registry_events')
      .innerJoin('registry_records', 'registry_records.id', 'registry_events.record_id')
      .select(['registry_records.number_key', 'registry_events.kind', 'registry_events.effective_date'])
      .orderBy('registry_events.id', 'desc')
      .limit(4)
      .execute();
    expect(kinds.map((k) => `${k.number_key}:${k.kind}:${k.effective_date}`).sort()).toEqual([
      '10320/1/2022:import:null',
      '200:renew:2025-09-01',
      '300:exclude:2025-06-01',
      '700:include:2025-07-01',
    ]);
    expect(await record('200')).toMatchObject({ valid_from: '2025-09-01', valid_till: '2028-08-31' });
    expect(await record('300')).toMatchObject({ end_date: '2025-06-01' });
    expect((await record('10320/1/2022')).product_name).toBe('Датчик давления ДД-1М');
  });

  it('links a record when its organization appears later, as a logged change', async () => {
    const now = new Date().toISOString();
    const org = await t.db.kysely
      .insertInto('organizations')
      .values({ name: 'ООО «ТЕСТ»', country: 'RU', inn: '3400000000', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await t.services.registryGisp.importFile(DAY2, { asOf: '2025-10-15' });
    expect(r.summary).toMatchObject({ updated: 1, unchanged: 6, events: 1, new: 0 });
    expect((await record('100')).organization_id).toBe(org.id);
  });

  it('exports every record in the same layout and imports the export back unchanged', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/registry/export/gisp.csv?all=true' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body;
    expect(text.startsWith('\uFEFF' + GISP_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(text).toContain('"ООО ""ТЕСТ"""');
    expect(text).toContain('"Генератор ""кварцевый"", серия ГК\nисполнение 2"');
    expect(text).toContain(',8542 31 000 0;8542 39 900 0;8504 40 300 9,');
    const rows = parseCsv(text);
    expect(rows.filter((r) => r.numberKey === '200')).toHaveLength(3);
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, text);
    const before = await eventCount();
    const back = await t.services.registryGisp.importFile(file, { asOf: '2025-10-15' });
    expect(back.summary).toMatchObject({ records: 7, new: 0, renewed: 0, excluded: 0, updated: 0, unchanged: 7, rejectedRows: 0, events: 0 });
    expect(await eventCount()).toBe(before);
  });

  it('leaves a log that verifies: every decision has its leaf and every record matches its last snapshot', async () => {
    const v = await t.services.registryLog.verify();
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checkedEvents).toBe(await eventCount());
  });

  it('exports only reestr’s own included records by default', async () => {
    const now = new Date().toISOString();
    const own = await t.db.kysely
      .insertInto('registry_records')
      .values({
        origin: 'reestr',
        country: 'BY',
        number: 'BY-2026-000001',
        number_key: '2026000001',
        maker_name: 'ОАО «Интеграл»',
        product_name: 'КР1533ЛА3',
        product_name_key: 'кр1533ла3',
        tnved: '["8542 31 000 0"]',
        level: 1,
        points: 100,
        state: 'included',
        valid_from: '2026-01-01',
        valid_till: '2028-12-31',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('registry_periods')
      .values({ record_id: own.id, valid_from: '2026-01-01', valid_till: '2028-12-31', doc_date: null, details: null })
      .execute();
    const res = await t.app.inject({ method: 'GET', url: '/api/registry/export/gisp.csv' });
    const rows = parseCsv(res.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      registerNumber: 'BY-2026-000001',
      makerName: 'ОАО «Интеграл»',
      productName: 'КР1533ЛА3',
      docDate: '2026-01-01',
      validTill: '2028-12-31',
      score: 100,
      level: 1,
      tnved: ['8542 31 000 0'],
      ogrn: null,
    });
  });
});

/** A row of the published layout for one period of a registry number (`extra` overrides columns). */
const row = (number: string, docDate: string, validTill: string, endDate: string | null, extra: Partial<GispValues> = {}): GispValues => ({
  makerName: `ООО «Изготовитель ${number}»`,
  ogrn: null,
  inn: null,
  makerAddress: null,
  productionAddress: null,
  primaryNumber: null,
  ektru: null,
  docDate,
  validTill,
  endDate,
  registerNumber: number,
  productName: `Изделие ${number}`,
  okpd2: '26.11.30.000',
  tnved: ['8542 31 000 0'],
  regulations: null,
  score: 100,
  percentage: null,
  scoreDesc: null,
  isElectronic: true,
  isAi: false,
  level: 1,
  docName: null,
  docDateBasis: null,
  docNumber: null,
  docValidTillTpp: null,
  department: null,
  conclusionNumber: null,
  ...extra,
});
const write = (name: string, rows: GispValues[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, GISP_HEADER_LINE + rows.map(gispCsvLine).join(''));
  return file;
};

describe('renewals of records that ended early, across page boundaries', () => {
  let own: TestApp;
  const kindsOf = async (key: string) =>
    (
      await own.db.kysely
        .selectFrom('registry_events')
        .innerJoin('registry_records', 'registry_records.id', 'registry_events.record_id')
        .select('registry_events.kind')
        .where('registry_records.number_key', '=', key)
        .orderBy('registry_events.id')
        .execute()
    ).map((e) => e.kind);

  const BULK_LOAD_INDEXES = ['registry_records_inn', 'registry_records_organization'];
  const recordIndexes = async () =>
    (own.db.dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registry_records'`.execute(own.db.kysely)
      : await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'registry_records'`.execute(own.db.kysely)
    ).rows.map((r) => r.name);

  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('builds the indexes a killed bulk load left dropped at the next start-up', async () => {
    const repo = new GispRepository(own.db.kysely, own.db.dialect);
    const dropped = await repo.suspendIndexes(own.db.kysely);
    // SQLite drops them while loading; PostgreSQL keeps its indexes throughout
    expect(dropped).toBe(own.db.dialect === 'sqlite');
    if (dropped) expect(await recordIndexes()).not.toEqual(expect.arrayContaining(BULK_LOAD_INDEXES));
    await bootstrap(own.db, own.services, { demo: false, seedOnFirstStart: false, adminEmail: ADMIN_EMAIL });
    expect(await recordIndexes()).toEqual(expect.arrayContaining(BULK_LOAD_INDEXES));
  });

  it('logs a renewal then the new early end, or a renewal lifting the old one, and the log verifies', async () => {
    // 9001 ended early and is renewed, ending early again; 9002 ended early and is renewed without an end;
    // 9003 has three periods, with pages of two rows it fills a page alone
    const day1 = write('renew-day1.csv', [
      row('9001', '2020-01-10', '2023-01-09', '2021-06-01'),
      row('9002', '2020-02-10', '2023-02-09', '2021-07-01'),
      row('9003', '2019-01-10', '2022-01-09', null),
      row('9003', '2022-01-10', '2025-01-09', null),
      row('9003', '2025-01-10', '2028-01-09', null),
    ]);
    const day2 = write('renew-day2.csv', [
      row('9001', '2020-01-10', '2023-01-09', '2021-06-01'),
      row('9002', '2020-02-10', '2023-02-09', '2021-07-01'),
      row('9003', '2019-01-10', '2022-01-09', null),
      row('9003', '2022-01-10', '2025-01-09', null),
      row('9003', '2025-01-10', '2028-01-09', '2026-03-01'),
      row('9001', '2023-01-10', '2026-01-09', '2024-03-01'),
      row('9002', '2023-02-10', '2026-02-09', null),
    ]);
    // as a large first import: the unordered indexes are dropped while loading and built again after it
    const first = await own.services.registryGisp.importFile(day1, { asOf: '2021-12-01', pageRows: 2, bulkLoadRecords: 1 });
    expect(first.summary).toMatchObject({ status: 'finished', records: 3, new: 3, events: 5 });
    expect(await recordIndexes()).toEqual(expect.arrayContaining(BULK_LOAD_INDEXES));
    const second = await own.services.registryGisp.importFile(day2, { asOf: '2025-06-01', pageRows: 2 });
    expect(second.summary).toMatchObject({ status: 'finished', records: 3, new: 0, renewed: 1, excluded: 2, unchanged: 0, events: 4 });
    expect(await kindsOf('9001')).toEqual(['include', 'exclude', 'renew', 'exclude']);
    expect(await kindsOf('9002')).toEqual(['include', 'exclude', 'renew']);
    expect(await kindsOf('9003')).toEqual(['include', 'exclude']);
    const e1 = await own.db.kysely.selectFrom('registry_records').selectAll().where('number_key', '=', '9001').executeTakeFirstOrThrow();
    expect(e1).toMatchObject({ valid_from: '2023-01-10', end_date: '2024-03-01' });
    const periods = await own.db.kysely.selectFrom('registry_periods').select('record_id').where('record_id', '=', e1.id).execute();
    expect(periods).toHaveLength(2);
    const v = await own.services.registryLog.verify();
    expect(v.problems).toEqual([]);
    expect(v.checkedEvents).toBe(9);
  });
});

describe('a large import written by a thread of its own (SQLite files)', () => {
  // 40 numbers: renewals far apart in the file, early ends, makers known by ИНН; the second day renews, ends
  // early, corrects a name, adds numbers and finds a maker that has appeared since
  const inn = (i: number) => String(7800000000 + (i % 5));
  const day1Rows = () => {
    const rows: GispValues[] = [];
    for (let i = 0; i < 40; i++) rows.push(row(String(8100 + i), '2021-01-10', '2024-01-09', i % 9 === 0 ? '2022-05-01' : null, { inn: inn(i) }));
    for (let i = 0; i < 40; i += 3) rows.push(row(String(8100 + i), '2024-01-10', '2027-01-09', null, { inn: inn(i) }));
    return rows;
  };
  const day2Rows = () => {
    const rows = day1Rows().map((r) => {
      const n = Number(r.registerNumber);
      if (n === 8104 && r.docDate === '2021-01-10') return { ...r, productName: 'Изделие 8104, исправлено' };
      if (n === 8106 && r.docDate === '2024-01-10') return { ...r, endDate: '2025-02-01' };
      return r;
    });
    rows.push(row('8101', '2024-01-10', '2027-01-09', null, { inn: inn(1) }), row('8190', '2025-03-01', '2028-02-28', null, { inn: inn(90) }));
    return rows;
  };
  const organization = (app: TestApp, i: number) =>
    app.db.kysely
      .insertInto('organizations')
      .values({ name: `АО «Изготовитель ${i}»`, country: 'RU', inn: inn(i), created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' })
      .execute();
  /** Everything an import writes, without ids and times. */
  const registryState = async (app: TestApp) => {
    const k = app.db.kysely;
    const records = await k.selectFrom('registry_records').selectAll().where('origin', '=', 'gisp').orderBy('number_key').execute();
    const periods = await k
      .selectFrom('registry_periods')
      .innerJoin('registry_records', 'registry_records.id', 'registry_periods.record_id')
      .select(['registry_records.number_key', 'registry_periods.valid_from', 'registry_periods.valid_till', 'registry_periods.details'])
      .orderBy('registry_records.number_key')
      .orderBy('registry_periods.valid_from')
      .execute();
    const events = await k
      .selectFrom('registry_events')
      .innerJoin('registry_records', 'registry_records.id', 'registry_events.record_id')
      .select(['registry_records.number_key', 'registry_events.kind', 'registry_events.effective_date', 'registry_events.payload'])
      .orderBy('registry_events.id')
      .execute();
    return {
      records: records.map(({ id, created_at, updated_at, ...r }) => (void [id, created_at, updated_at], r)),
      periods,
      events,
    };
  };
  const summaryOf = (i: GispImport) => ({ ...i.summary, seconds: undefined });

  it('writes the same records, periods and decisions as the import’s own connection, in the same order', async () => {
    const day1 = write('thread-day1.csv', day1Rows());
    const day2 = write('thread-day2.csv', day2Rows());
    const start = vi.spyOn(GispWriterThread, 'start');
    const [threaded, direct] = [await createTestApp(), await createTestApp()];
    try {
      const states = [];
      for (const [app, writerThread] of [
        [threaded, true],
        [direct, false],
      ] as const) {
        await organization(app, 1);
        const first = await app.services.registryGisp.importFile(day1, { asOf: '2025-01-15', pageRows: 7, writerThread });
        await organization(app, 3);
        const second = await app.services.registryGisp.importFile(day2, { asOf: '2025-06-01', pageRows: 7, writerThread });
        const verified = await app.services.registryLog.verify();
        expect(verified.problems).toEqual([]);
        states.push({ first: summaryOf(first), second: summaryOf(second), registry: await registryState(app), leaves: verified.checkedEvents });
      }
      // a thread for each import on SQLite (a file database); PostgreSQL always writes on the import's connection
      expect(start).toHaveBeenCalledTimes(threaded.db.dialect === 'sqlite' ? 2 : 0);
      const [a, b] = states;
      expect(a.first).toMatchObject({ status: 'finished', records: 40, new: 40, excluded: 0 });
      expect(a.second).toMatchObject({ status: 'finished', new: 1, renewed: 1, excluded: 1 });
      expect(a.second.updated).toBeGreaterThanOrEqual(2); // the corrected name, and makers linked by ИНН since
      expect(a.registry.records.filter((r) => r.organization_id !== null).length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    } finally {
      start.mockRestore();
      await threaded.close();
      await direct.close();
    }
  });

  it('lets other writers of the database go on while it writes', async () => {
    const own = await createTestApp();
    try {
      // 1,500 numbers: one page planned in three parts, each sent to the thread as it is made
      const file = write(
        'thread-concurrent.csv',
        Array.from({ length: 1500 }, (_, i) => row(String(85000 + i), '2023-01-10', '2026-01-09', null)),
      );
      let finished = false;
      const importing = own.services.registryGisp.importFile(file, { asOf: '2025-01-15', writerThread: true }).finally(() => (finished = true));
      // writes on the server's connection between the import's steps: each waits for the database's write lock,
      // which the thread takes only while it writes a page (a write waiting 5 s is refused)
      let writes = 0;
      while (!finished) {
        await organization(own, 1000 + writes);
        writes++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await importing).summary).toMatchObject({ status: 'finished', new: 1500 });
      expect(writes).toBeGreaterThan(3);
      expect((await own.services.registryLog.verify()).problems).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('fails the import when a page cannot be written, keeping the pages before it, and the database stays writable', async () => {
    const own = await createTestApp();
    const failing =
      own.db.dialect === 'sqlite'
        ? [
            sql`CREATE TRIGGER gisp_test_failure BEFORE INSERT ON registry_records WHEN NEW.product_name = 'Сбой' BEGIN SELECT RAISE(ABORT, 'тестовый сбой записи'); END`,
          ]
        : [
            sql`CREATE FUNCTION gisp_test_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'тестовый сбой записи'; END $$`,
            sql`CREATE TRIGGER gisp_test_failure BEFORE INSERT ON registry_records FOR EACH ROW WHEN (NEW.product_name = 'Сбой') EXECUTE FUNCTION gisp_test_failure()`,
          ];
    try {
      for (const statement of failing) await statement.execute(own.db.kysely);
      const rows = Array.from({ length: 12 }, (_, i) => row(String(8300 + i), '2023-01-10', '2026-01-09', null, i === 8 ? { productName: 'Сбой' } : {}));
      const file = write('thread-failure.csv', rows);
      const options = { asOf: '2025-01-15', pageRows: 3, writerThread: true };
      await expect(own.services.registryGisp.importFile(file, options)).rejects.toThrow(/тестовый сбой записи/);
      const failed = (await own.services.registryGisp.listImports(1, 0)).items[0];
      expect(failed.summary).toMatchObject({ status: 'failed', error: expect.stringContaining('тестовый сбой записи') });
      // pages of two numbers (a full page leaves its last number for the next): those before 8308's are committed
      const written = await own.db.kysely.selectFrom('registry_records').select('number_key').where('origin', '=', 'gisp').orderBy('number_key').execute();
      expect(written.map((r) => r.number_key)).toEqual(['8300', '8301', '8302', '8303', '8304', '8305', '8306', '8307']);
      expect((await own.services.registryLog.verify()).problems).toEqual([]);
      // the import's connection and the thread's are closed cleanly: others write at once, and the import completes
      await sql`DROP TRIGGER gisp_test_failure${sql.raw(own.db.dialect === 'sqlite' ? '' : ' ON registry_records')}`.execute(own.db.kysely);
      const again = await own.services.registryGisp.importFile(file, options);
      expect(again.summary).toMatchObject({ status: 'finished', new: 4, unchanged: 8 });
      expect((await own.services.registryLog.verify()).problems).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('the admin API', () => {
  it('refuses anonymous users and non-administrators', async () => {
    const file = { name: 'pp719.csv', bytes: fs.readFileSync(DAY1) };
    expect((await upload(null, file)).statusCode).toBe(401);
    const user = await userClient(t, admin, { email: 'gisp.user@test.reestr' });
    expect((await upload(user, file)).statusCode).toBe(403);
    const operator = await userClient(t, admin, { email: 'gisp.operator@test.reestr', role: 'operator', operatorCountry: 'RU' });
    const res = await upload(operator, file);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('administrators only');
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/imports' })).statusCode).toBe(401);
    expect((await operator.request('GET', '/api/registry/imports')).statusCode).toBe(403);
  });

  it('lists the imports with their summaries, newest first', async () => {
    const res = await admin.request('GET', '/api/registry/imports?pageSize=2');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    expect(page.items[0].summary).toMatchObject({ status: 'finished', unchanged: expect.any(Number) });
    const one = await admin.request('GET', `/api/registry/imports/${page.items[0].id}`);
    expect(one.json().id).toBe(page.items[0].id);
  });

  it('answers a wrong header with the columns, a spreadsheet or binary with 415, and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('registry_imports').select('id').execute();
    const header = await upload(admin, { name: 'x.csv', bytes: Buffer.from('Nameoforg,OGRN,INN\n1,2,3\n') });
    expect(header.statusCode).toBe(400);
    expect(header.json().message).toMatch(/missing columns Orgaddr, Productmanufaddress/);
    const xlsx = await upload(admin, { name: 'pp719.xlsx', bytes: Buffer.from('PK\u0003\u0004 not really') });
    expect(xlsx.statusCode).toBe(415);
    const zip = await upload(admin, { name: 'pp719.csv', bytes: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]) });
    expect(zip.statusCode).toBe(415);
    const cp1251 = await upload(admin, {
      name: 'pp719.csv',
      bytes: Buffer.concat([Buffer.from(GISP_COLUMNS.join(',') + '\n'), Buffer.from([0xcf, 0xd0, 0xc8, 0x2c])]),
    });
    expect(cp1251.statusCode).toBe(415);
    expect(cp1251.json().message).toContain('UTF-8');
    const json = await admin.request('POST', '/api/registry/imports/gisp', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const empty = await upload(admin, { name: 'empty.csv', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    // the right header, but not one row of the layout: the wrong file, not a registry that lists nothing
    const unreadable = await upload(admin, { name: 'x.csv', bytes: Buffer.from(`${GISP_COLUMNS.join(',')}\r\n"${'x'.repeat(100_000)}"\r\n1,2,3\r\n`) });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().message).toBe(
      "Invalid request: none of the file's 2 rows can be read, so nothing was imported (line 2: 1 column instead of 27; line 3: 3 columns instead of 27)",
    );
    expect((await t.db.kysely.selectFrom('registry_imports').select('id').execute()).length).toBe(before.length);
  });

  it('takes a CSV larger than the server’s body limit for other requests, and holds other bodies to that limit', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => row(String(8700 + i), '2023-01-10', '2026-01-09', null));
    const bytes = Buffer.from(GISP_HEADER_LINE + rows.map(gispCsvLine).join(''));
    expect(bytes.length).toBeGreaterThan(64 * 1024); // the test server's limit for other bodies
    const res = await upload(admin, { name: 'pp719-large.csv', bytes }, { asOf: '2025-10-15' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary).toMatchObject({ status: 'finished', new: 400 });
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/registry/imports/gisp',
      payload: JSON.stringify({ file: 'x'.repeat(70 * 1024) }),
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
    });
    expect(json.statusCode).toBe(413);
  });

  it('refuses a file over the configured size with 413', async () => {
    const config = {
      demo: false,
      secureCookies: false,
      bodyLimitBytes: 64 * 1024,
      loginAttemptsPerMinute: 1000,
      bomMaxBytes: 128 * 1024,
      registryVerifyPerMinute: 1000,
      logLevel: 'silent',
      webRoot: '/nonexistent',
      gispMaxBytes: 1000,
    };
    const small = await buildApp(config as AppConfig, t.services);
    try {
      await small.ready();
      const client = await signIn(small, ADMIN_EMAIL, t.adminPassword);
      const res = await upload(client, { name: 'pp719.csv', bytes: fs.readFileSync(DAY1) }, {}, small);
      expect(res.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });
});
