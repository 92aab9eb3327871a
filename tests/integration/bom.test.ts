/** BOM analysis end to end over HTTP: real files in, mapping, lines, statuses, summary, re-run, exports, limits. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

const FIXTURES = path.resolve('tests/fixtures/boms');
let t: TestApp;
let admin: Client;
let engineer: Client;
let integralId: number;

/** A multipart/form-data body with one file and text fields. */
function multipart(file: { name: string; bytes: Buffer; type?: string } | null, fields: Record<string, string> = {}) {
  const boundary = '----reestr' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: Client | null, url: string, file: { name: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const { payload, headers } = multipart(file, fields);
  if (client) return client.request('POST', url, payload, headers);
  return t.app.inject({ method: 'POST', url, payload, headers });
}

const fixture = (name: string) => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)) });

async function xlsx(rows: (string | number)[][], sheetName = 'BOM'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').addRow(['not this sheet']);
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A ZIP whose directory claims an entry that inflates to 1 GB from 1 KB: a decompression bomb by its numbers. */
function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = zlib.deflateRawSync(Buffer.alloc(1024));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1024 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1024 * 1024 * 1024, 24);
  central.writeUInt16LE(name.length, 28);
  const cdOffset = local.length + name.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, bomMaxLines: 2000 });
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  integralId = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY' })).json().id;
  engineer = await userClient(t, admin, { email: 'engineer@plant.ru' });
  // a full analog of the shift register in the Nixie driver BOM
  const product = await admin.request('POST', '/api/product-types', {
    designation: 'IN74HC595AD',
    designationLatin: 'IN74HC595AD',
    makerId: integralId,
    packages: ['SOIC-16'],
  });
  expect(product.statusCode).toBe(201);
  const link = await admin.request('POST', '/api/analogs', {
    productTypeId: product.json().id,
    foreignPartNumber: '74HC595',
    type: 'full',
    source: 'Integral catalogue',
  });
  expect(link.statusCode).toBe(201);
});
afterAll(() => t?.close());

type Line = {
  sourceLine: number;
  partNumber: string | null;
  status: string;
  designators: string[];
  candidates: { designation: string; tier: string; analogType: string }[];
  warnings: string[];
};

describe('real files in', () => {
  let analysis: { id: string; mapping: { role: string | null; header: string }[]; lines: Line[]; summary: { lines: Record<string, number> } };

  it('analyses the Nixie driver BOM: maps "Ref Desc" and "Manufacturer Part Number", covers the shift register through the base tier', async () => {
    const res = await upload(engineer, '/api/bom/analyses', fixture('serial-nixie-driver.csv'));
    expect(res.statusCode, res.body).toBe(201);
    analysis = res.json();
    const roles = Object.fromEntries(analysis.mapping.filter((c) => c.role).map((c) => [c.header, c.role]));
    expect(roles).toMatchObject({ 'Ref Desc': 'designators', 'Manufacturer Part Number': 'partNumber', Quantity: 'quantity', Manufacturer: 'manufacturer' });
    const shift = analysis.lines.find((l) => l.partNumber === 'SN74HC595DR')!;
    expect(shift.status).toBe('covered');
    expect(shift.designators).toEqual(['U1', 'U2']);
    expect(shift.candidates[0]).toMatchObject({ designation: 'IN74HC595AD', tier: 'base', analogType: 'full' });
    const resistors = analysis.lines.find((l) => l.partNumber === 'RC0603FR-0720KL')!;
    expect(resistors.status).toBe('generic');
    expect(resistors.designators).toHaveLength(10);
  });

  it('returns the same analysis again by id, to anyone with the link', async () => {
    const again = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${analysis.id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json().lines).toEqual(analysis.lines);
    expect(again.json().summary).toEqual(analysis.summary);
  });

  it('reads the KiCad export past its preamble and keeps generic values out of the missing imports', async () => {
    const res = await upload(null, '/api/bom/analyses', fixture('stm32-breakout.csv'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.headerRow).toBeGreaterThan(5);
    const caps = body.lines.find((l: Line) => l.designators.includes('C4'));
    expect(caps.status).toBe('generic');
    expect(caps.designators).toEqual(['C4', 'C5', 'C6', 'C7', 'C9']);
    expect(body.summary.notCovered.map((n: { value: string }) => n.value)).not.toContain('100n');
  });

  it('reads an XLSX sheet chosen by name or the first one with a header, and says which sheets exist when the name is wrong', async () => {
    const bytes = await xlsx([
      ['Designator', 'Qty', 'Manufacturer Part Number', 'Description'],
      ['U1', 1, 'NE555P', 'timer'],
      ['U2, U3', 2, 'LM358DR', 'op amp'],
    ]);
    const res = await upload(engineer, '/api/bom/analyses', { name: 'board.xlsx', bytes }, { sheet: 'BOM' });
    expect(res.statusCode, res.body).toBe(201);
    const lines = res.json().lines as Line[];
    expect(lines.map((l) => [l.partNumber, l.status])).toEqual([
      ['NE555P', 'functional'],
      ['LM358DR', 'functional'],
    ]);
    expect(lines[0].candidates.map((c) => c.designation)).toContain('КР1006ВИ1');
    const auto = await upload(engineer, '/api/bom/preview', { name: 'board.xlsx', bytes });
    expect(auto.json()).toMatchObject({ sheet: 'BOM', sheets: ['Notes', 'BOM'] });
    const wrong = await upload(engineer, '/api/bom/preview', { name: 'board.xlsx', bytes }, { sheet: 'Nope' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toContain('Notes, BOM');
  });

  it('accepts JSON lines from machines and pasted text', async () => {
    const json = await engineer.request('POST', '/api/bom/analyses', {
      name: 'api',
      lines: [{ partNumber: 'КР1533ЛА3', quantity: 2 }, { partNumber: 'NO-SUCH-PART-9' }],
    });
    expect(json.statusCode, json.body).toBe(201);
    expect(json.json().lines.map((l: Line) => l.status)).toEqual(['covered', 'not_covered']);
    const text = await engineer.request('POST', '/api/bom/analyses', { text: 'Part Number\tQty\nNE555P\t3\n' });
    expect(text.statusCode, text.body).toBe(201);
    expect(text.json().lines[0].partNumber).toBe('NE555P');
  });

  it('lets the user change the mapping before running', async () => {
    const csv = Buffer.from('Поз.;Тип;Кол.\nDA1;NE555P;1\n');
    const preview = await upload(engineer, '/api/bom/preview', { name: 'x.csv', bytes: csv });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().headers).toEqual(['Поз.', 'Тип', 'Кол.']);
    const res = await upload(
      engineer,
      '/api/bom/analyses',
      { name: 'x.csv', bytes: csv },
      { mapping: JSON.stringify({ 0: 'designators', 1: 'partNumber', 2: 'quantity' }), headerRow: '0' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().lines[0]).toMatchObject({ partNumber: 'NE555P', designators: ['DA1'], quantity: 1 });
  });
});

describe("analog links carry their foreign part's keys (base and family tiers read them)", () => {
  it('fills the keys of a new link and follows a re-keyed foreign part', async () => {
    const product = await admin.request('POST', '/api/product-types', { designation: 'ИН9931', makerId: integralId });
    const link = await admin.request('POST', '/api/analogs', { productTypeId: product.json().id, foreignPartNumber: 'TLQ9931P', type: 'full', source: 'test' });
    expect(link.statusCode).toBe(201);
    const keysOf = async () =>
      (
        await sql<{ base_key: string | null; f_base: string | null; family_key: string | null; f_family: string | null }>`
          SELECT a.base_key, f.base_key AS f_base, a.family_key, f.family_key AS f_family
          FROM analog_links a JOIN foreign_parts f ON f.id = a.foreign_part_id WHERE a.id = ${link.json().id}`.execute(t.db.kysely)
      ).rows[0];
    const before = await keysOf();
    expect(before.base_key).toBe('TLQ9931');
    expect(before).toMatchObject({ base_key: before.f_base, family_key: before.f_family });
    const line = async (partNumber: string) => (await engineer.request('POST', '/api/bom/analyses', { lines: [{ partNumber }] })).json().lines[0] as Line;
    expect((await line('TLQ9931DR')).candidates[0]).toMatchObject({ designation: 'ИН9931', tier: 'base' });
    // a re-keyed foreign part (as `reestr reindex` does when the matching rules change) takes its links along
    await sql`UPDATE foreign_parts SET base_key = 'TLQ9931X' WHERE id = (SELECT foreign_part_id FROM analog_links WHERE id = ${link.json().id})`.execute(
      t.db.kysely,
    );
    expect((await keysOf()).base_key).toBe('TLQ9931X');
    expect((await line('TLQ9931DR')).candidates).toEqual([]);
    await sql`UPDATE foreign_parts SET base_key = 'TLQ9931' WHERE id = (SELECT foreign_part_id FROM analog_links WHERE id = ${link.json().id})`.execute(
      t.db.kysely,
    );
    expect((await line('TLQ9931DR')).candidates[0]).toMatchObject({ designation: 'ИН9931', tier: 'base' });
  });
});

describe('persistence, re-run and exports', () => {
  let id: string;

  beforeAll(async () => {
    const res = await engineer.request('POST', '/api/bom/analyses', { name: 'rerun', lines: [{ partNumber: 'MAX3483EESA+', quantity: 4 }] });
    id = res.json().id;
    expect(res.json().lines[0].status).toBe('not_covered');
  });

  it('lists the owner’s analyses', async () => {
    const list = (await engineer.request('GET', '/api/bom/analyses')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await t.app.inject({ method: 'GET', url: '/api/bom/analyses' })).statusCode).toBe(401);
  });

  it('re-runs against the changed catalogue and shows what changed; only the owner may re-run', async () => {
    const product = await admin.request('POST', '/api/product-types', { designation: 'МН3483', makerId: integralId });
    await admin.request('POST', '/api/analogs', { productTypeId: product.json().id, foreignPartNumber: 'MAX3483', type: 'full', source: 'test' });
    const other = await userClient(t, admin, { email: 'other@plant.ru' });
    expect((await other.request('POST', `/api/bom/analyses/${id}/rerun`)).statusCode).toBe(403);
    const res = await engineer.request('POST', `/api/bom/analyses/${id}/rerun`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revision).toBe(2);
    expect(res.json().changes).toEqual([{ position: 1, sourceLine: 2, from: 'not_covered', to: 'covered' }]);
    expect(res.json().lines[0]).toMatchObject({ status: 'covered', previousStatus: 'not_covered' });
  });

  it('exports XLSX with a summary sheet and the original columns kept, and CSV', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${id}/export?format=xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Lines']);
    const header = (wb.getWorksheet('Lines')!.getRow(1).values as string[]).filter(Boolean);
    expect(header).toEqual(expect.arrayContaining(['Part Number', 'Quantity', 'reestr: status', 'reestr: domestic analog']));
    expect(wb.getWorksheet('Lines')!.getRow(2).values).toEqual(expect.arrayContaining(['MAX3483EESA+', 'covered', 'МН3483']));
    const csv = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${id}/export?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('MAX3483EESA+');
  });

  it('only the owner deletes', async () => {
    expect((await t.app.inject({ method: 'DELETE', url: `/api/bom/analyses/${id}` })).statusCode).toBe(401);
    expect((await engineer.request('DELETE', `/api/bom/analyses/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${id}` })).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  const clear = (res: { statusCode: number; json(): { message: string } }, status: number, text: RegExp) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toMatch(text);
  };

  it('an empty file', async () => clear(await upload(null, '/api/bom/analyses', { name: 'empty.csv', bytes: Buffer.alloc(0) }), 400, /empty/));

  it('a file with no recognisable header', async () =>
    clear(await upload(null, '/api/bom/analyses', { name: 'x.csv', bytes: Buffer.from('foo,bar\n1,2\n3,4\n') }), 422, /header/));

  it('binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    clear(await upload(null, '/api/bom/analyses', { name: 'x.csv', bytes: garbage }), 415, /not a text file/);
  });

  it('a legacy .xls file', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    clear(await upload(null, '/api/bom/analyses', { name: 'old.xls', bytes: ole }), 415, /\.xlsx or CSV/);
  });

  it('an XLSX decompression bomb', async () =>
    clear(await upload(null, '/api/bom/analyses', { name: 'bomb.xlsx', bytes: zipBomb() }), 422, /decompression bomb/));

  it('an upload over the size limit', async () => {
    const res = await upload(null, '/api/bom/analyses', { name: 'big.csv', bytes: Buffer.alloc(200 * 1024, 'a') });
    expect(res.statusCode).toBe(413);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('more lines than allowed', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `U${i},NE555P,1`).join('\n');
    clear(await upload(null, '/api/bom/analyses', { name: 'many.csv', bytes: Buffer.from(`Designator,MPN,Qty\n${rows}\n`) }), 413, /2000/);
  });

  it('a multipart request without a file, and a bad mapping', async () => {
    clear(await upload(null, '/api/bom/analyses', null, { name: 'x' }), 400, /file/);
    clear(await upload(null, '/api/bom/analyses', { name: 'x.csv', bytes: Buffer.from('MPN\nNE555\n') }, { mapping: '{"0": "colour"}' }), 400, /mapping/);
  });
});
