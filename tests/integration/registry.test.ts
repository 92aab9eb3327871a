/**
 * Registry records: a producer applies, an operator of the maker's country decides; status on a date,
 * jurisdiction, rule-set versions, the calculator and public verification. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { createServices } from '../../src/server/services';
import { bootstrap } from '../../src/server/bootstrap';

let t: TestApp;
let admin: Client;
let integral: Client; // producer, BY
let milandr: Client; // producer, RU
let operatorRu: Client;
let operatorBy: Client;
let milandrId: number;
let integralId: number;
let ruProductId: number;
let byProductId: number;

const RU_ALL_OPERATIONS = ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({ code, country: 'RU' }));
const facts = { makerTaxResidentEaeu: true, designRightsYears: 10, usesForeignReadyMadeSolutions: false };
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  milandrId = (await admin.request('POST', '/api/organizations', { name: 'АО «ПКК Миландр»', country: 'RU', inn: '7735000001' })).json().id;
  integralId = (await admin.request('POST', '/api/organizations', { name: 'ОАО «Интеграл»', country: 'BY' })).json().id;
  ruProductId = (await admin.request('POST', '/api/product-types', { designation: '1986ВЕ92У', makerId: milandrId })).json().id;
  byProductId = (await admin.request('POST', '/api/product-types', { designation: 'IN74HC595AD', makerId: integralId })).json().id;
  milandr = await userClient(t, admin, { email: 'engineer@milandr.test', organizationId: milandrId });
  integral = await userClient(t, admin, { email: 'engineer@integral.test', organizationId: integralId });
  operatorRu = await userClient(t, admin, { email: 'operator@ru.test', role: 'operator', operatorCountry: 'RU' });
  operatorBy = await userClient(t, admin, { email: 'operator@by.test', role: 'operator', operatorCountry: 'BY' });
});
afterAll(() => t?.close());

async function apply(client: Client, body: Record<string, unknown>) {
  const res = await client.request('POST', '/api/registry/records', { ...facts, contentShares: [], ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('rule sets', () => {
  it('are seeded as versioned data with their sources', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/registry/rule-sets' });
    const sets = res.json() as { code: string; version: number; status: string; source: string; country: string }[];
    expect(sets.map((s) => s.country).sort()).toEqual(expect.arrayContaining(['RU', 'UNION']));
    expect(sets.find((s) => s.code === 'ru-pp764-ic')).toMatchObject({ version: 1, status: 'in_force' });
    expect(sets.every((s) => s.source.includes('http'))).toBe(true);
    expect(sets.some((s) => s.status === 'draft')).toBe(true);
  });

  it('get a new version when an operator fills the draft’s points; operators of the other country may not', async () => {
    const sets = (await t.app.inject({ method: 'GET', url: '/api/registry/rule-sets' })).json() as {
      id: number;
      code: string;
      status: string;
      country: string;
      definition: { kind: string };
    }[];
    const draft = sets.find((s) => s.definition.kind === 'points')!;
    const points = {
      design: 20,
      software: 10,
      wafer: 40,
      photomasks: 5,
      assembly: 15,
      testing: 10,
      refinement: 5,
      photoresists: 2,
      packages: 3,
      eda: 5,
      branding: 1,
    };
    expect((await operatorBy.request('POST', `/api/registry/rule-sets/${draft.id}/versions`, { points })).statusCode).toBe(403);
    expect((await milandr.request('POST', `/api/registry/rule-sets/${draft.id}/versions`, { points })).statusCode).toBe(403);
    const bad = await operatorRu.request('POST', `/api/registry/rule-sets/${draft.id}/versions`, { points: { teleportation: 5 } });
    expect(bad.statusCode).toBe(400);
    const res = await operatorRu.request('POST', `/api/registry/rule-sets/${draft.id}/versions`, { points });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: draft.code, version: 2 });
    const after = (await t.app.inject({ method: 'GET', url: '/api/registry/rule-sets' })).json() as { code: string; version: number }[];
    expect(after.filter((s) => s.code === draft.code).map((s) => s.version)).toEqual([1, 2]);
  });

  it('judge a self-assessment with an explanation of each condition', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registry/evaluate',
      payload: { date: today, makerCountry: 'RU', ...facts, operations: RU_ALL_OPERATIONS, contentShares: [] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const pp764 = (
      res.json() as { ruleSet: { code: string }; outcome: string; level: number; conditions: { met: boolean | null; text: { ru: string } }[] }[]
    ).find((r) => r.ruleSet.code === 'ru-pp764-ic')!;
    expect(pp764).toMatchObject({ outcome: 'qualified', level: 1 });
    expect(pp764.conditions.length).toBeGreaterThan(3);
    expect(pp764.conditions.every((c) => c.met === true && c.text.ru.length > 5)).toBe(true);
    const abroad = await t.app.inject({
      method: 'POST',
      url: '/api/registry/evaluate',
      payload: {
        date: today,
        makerCountry: 'RU',
        ...facts,
        operations: RU_ALL_OPERATIONS.map((o) => (o.code === 'wafer' ? { ...o, country: 'TW' } : o)),
        contentShares: [],
      },
    });
    expect(abroad.json().find((r: { ruleSet: { code: string } }) => r.ruleSet.code === 'ru-pp764-ic')).toMatchObject({ outcome: 'qualified', level: 2 });
  });

  it('keep a fact not stated (null) apart from a stated “no”', async () => {
    const judge = async (stated: Record<string, unknown>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/registry/evaluate',
        payload: { date: today, makerCountry: 'RU', ...stated, operations: RU_ALL_OPERATIONS, contentShares: [] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { ruleSet: { code: string }; outcome: string }[]).find((r) => r.ruleSet.code === 'ru-pp764-ic')!.outcome;
    };
    expect(await judge({ makerTaxResidentEaeu: null, designRightsYears: null, usesForeignReadyMadeSolutions: null })).toBe('incomplete');
    expect(await judge({ ...facts, makerTaxResidentEaeu: false })).toBe('not_qualified');
    expect(await judge({ ...facts, designRightsYears: 0 })).toBe('not_qualified');
  });
});

describe('life cycle', () => {
  let recordId: number;
  let number: string;

  it('lets a producer apply for its own product types only', async () => {
    expect(
      (
        await integral.request('POST', '/api/registry/records', {
          ...facts,
          organizationId: milandrId,
          productTypeIds: [ruProductId],
          operations: [],
          contentShares: [],
        })
      ).statusCode,
    ).toBe(403);
    const foreign = await milandr.request('POST', '/api/registry/records', {
      ...facts,
      organizationId: milandrId,
      productTypeIds: [byProductId],
      operations: [],
      contentShares: [],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('IN74HC595AD');
    const record = await apply(milandr, { organizationId: milandrId, productTypeIds: [ruProductId], operations: RU_ALL_OPERATIONS });
    recordId = record.id;
    expect(record).toMatchObject({ state: 'draft', status: 'not_in_registry', country: 'RU', productName: '1986ВЕ92У', canEdit: true });
    expect(record.evaluation.find((e: { ruleSet: { code: string } }) => e.ruleSet.code === 'ru-pp764-ic')).toMatchObject({ outcome: 'qualified', level: 1 });
  });

  it('shows a draft only to the maker, operators of its country and admins', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}` })).statusCode).toBe(404);
    expect((await integral.request('GET', `/api/registry/records/${recordId}`)).statusCode).toBe(404);
    expect((await operatorBy.request('GET', `/api/registry/records/${recordId}`)).statusCode).toBe(404);
    expect((await operatorRu.request('GET', `/api/registry/records/${recordId}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/registry/records/${recordId}`)).statusCode).toBe(200);
    const publicList = await t.app.inject({ method: 'GET', url: '/api/registry/records' });
    expect(publicList.json().items.map((r: { id: number }) => r.id)).not.toContain(recordId);
  });

  it('puts a submitted application in the queue of its country’s operators only', async () => {
    expect((await operatorRu.request('POST', `/api/registry/records/${recordId}/decisions`, { kind: 'include' })).statusCode).toBe(409);
    const submitted = await milandr.request('POST', `/api/registry/records/${recordId}/submit`);
    expect(submitted.json()).toMatchObject({ state: 'submitted', canEdit: false });
    expect((await milandr.request('POST', `/api/registry/records/${recordId}/submit`)).statusCode).toBe(409);
    expect((await operatorRu.request('GET', '/api/registry/queue')).json().items.map((r: { id: number }) => r.id)).toContain(recordId);
    expect((await operatorBy.request('GET', '/api/registry/queue')).json().items).toEqual([]);
    expect((await milandr.request('GET', '/api/registry/queue')).statusCode).toBe(403);
  });

  it('refuses decisions of an operator of another country, of the producer and of an admin', async () => {
    for (const client of [operatorBy, milandr, admin]) {
      const res = await client.request('POST', `/api/registry/records/${recordId}/decisions`, { kind: 'include' });
      expect([403, 404]).toContain(res.statusCode);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/registry/records/${recordId}/decisions`, payload: { kind: 'include' } })).statusCode).toBe(401);
  });

  it('returns with remarks, takes the changed application again, and includes it under the best rule set', async () => {
    const returned = await operatorRu.request('POST', `/api/registry/records/${recordId}/decisions`, { kind: 'return', remarks: 'Приложите акт экспертизы' });
    expect(returned.json()).toMatchObject({ state: 'returned', remarks: 'Приложите акт экспертизы' });
    const changed = await milandr.request('PUT', `/api/registry/records/${recordId}`, {
      ...facts,
      organizationId: milandrId,
      productTypeIds: [ruProductId],
      productName: 'Микроконтроллер 1986ВЕ92У',
      operations: RU_ALL_OPERATIONS,
      contentShares: [{ country: 'RU', percent: 90 }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().productName).toBe('Микроконтроллер 1986ВЕ92У');
    expect((await milandr.request('POST', `/api/registry/records/${recordId}/submit`)).statusCode).toBe(200);
    const included = await operatorRu.request('POST', `/api/registry/records/${recordId}/decisions`, { kind: 'include', validFrom: '2026-01-15' });
    expect(included.statusCode, included.body).toBe(200);
    const r = included.json();
    number = r.number;
    expect(number).toMatch(/^RU-2026-\d{6}$/);
    expect(r).toMatchObject({ state: 'included', level: 1, validFrom: '2026-01-15', validTill: '2029-01-14', ruleSet: { code: 'ru-pp764-ic', version: 1 } });
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}` })).statusCode).toBe(200);
  });

  it('computes the status on any date', async () => {
    const on = async (date: string) => (await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}?date=${date}` })).json().status;
    expect(await on('2026-01-14')).toBe('not_in_registry');
    expect(await on('2026-01-15')).toBe('active');
    expect(await on('2029-01-14')).toBe('active');
    expect(await on('2029-01-15')).toBe('expired');
  });

  it('suspends, resumes, renews and excludes, keeping the whole history', async () => {
    const decide = (body: Record<string, unknown>) => operatorRu.request('POST', `/api/registry/records/${recordId}/decisions`, body);
    expect((await decide({ kind: 'suspend', date: '2026-06-01', remarks: 'Проверка площадки' })).json()).toMatchObject({ suspended: true });
    expect((await decide({ kind: 'suspend', date: '2026-06-02', remarks: 'ещё раз' })).statusCode).toBe(409);
    expect((await decide({ kind: 'resume', date: '2026-07-01' })).json()).toMatchObject({ suspended: false });
    const status = async (date: string) => (await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}?date=${date}` })).json().status;
    expect(await status('2026-06-15')).toBe('suspended');
    expect(await status('2026-07-01')).toBe('active');
    const renewed = await decide({ kind: 'renew', validTill: '2031-01-14' });
    expect(renewed.json()).toMatchObject({ validTill: '2031-01-14' });
    expect(renewed.json().periods).toHaveLength(2);
    expect(await status('2030-01-01')).toBe('active');
    expect((await decide({ kind: 'exclude', date: '2030-06-01', remarks: 'Прекращение производства' })).json()).toMatchObject({ endDate: '2030-06-01' });
    expect(await status('2030-05-31')).toBe('active');
    expect(await status('2030-06-01')).toBe('excluded');
    expect((await decide({ kind: 'renew', validTill: '2035-01-01' })).statusCode).toBe(409);
    const history = (await t.app.inject({ method: 'GET', url: `/api/registry/records/${recordId}` })).json().history as { kind: string; actorName: string }[];
    expect(history.map((h) => h.kind)).toEqual(['apply', 'submit', 'return', 'edit', 'submit', 'include', 'suspend', 'resume', 'renew', 'exclude']);
    expect(history.find((h) => h.kind === 'include')!.actorName).toBe('operator@ru.test');
  });

  it('lists records by status on a date, country, level and rule set', async () => {
    const list = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/registry/records?${query}` })).json();
    expect((await list('status=active&date=2026-03-01')).items.map((r: { id: number }) => r.id)).toContain(recordId);
    expect((await list('status=active&date=2030-07-01')).items.map((r: { id: number }) => r.id)).not.toContain(recordId);
    expect((await list('status=excluded&date=2030-07-01')).items.map((r: { id: number }) => r.id)).toContain(recordId);
    expect((await list('status=suspended&date=2026-06-10')).items.map((r: { id: number }) => r.id)).toContain(recordId);
    expect((await list('country=BY')).items).toEqual([]);
    expect((await list('level=1&ruleSet=ru-pp764-ic')).total).toBe(1);
    expect((await list('q=1986ве92')).total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/records?status=alive' })).statusCode).toBe(400);
  });

  it('verifies a number with or without its prefix, and a designation in Latin letters, on a date', async () => {
    const verify = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/registry/verify?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const byNumber = await verify(`number=${encodeURIComponent(number)}&date=2026-03-01`);
    expect(byNumber).toMatchObject({ found: true, validOnDate: true });
    expect(byNumber.records[0]).toMatchObject({ number, level: 1, maker: { name: 'АО «ПКК Миландр»', country: 'RU' }, ruleSet: { code: 'ru-pp764-ic' } });
    expect(await verify(`number=${encodeURIComponent(number.replace('RU-', 'ru - '))}&date=2026-03-01`)).toMatchObject({ found: true, validOnDate: true });
    expect(await verify(`number=${encodeURIComponent(number)}&date=2030-07-01`)).toMatchObject({
      found: true,
      validOnDate: false,
      records: [{ status: 'excluded' }],
    });
    expect(await verify('number=RU-1999-999999')).toMatchObject({ found: false, validOnDate: false });
    expect(await verify('designation=1986VE92U&date=2026-03-01')).toMatchObject({ found: true, validOnDate: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/verify' })).statusCode).toBe(400);
  });

  it('verifies a pasted list in bulk', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registry/verify/bulk',
      payload: { text: `Номер;Дата\n${number};2026-03-01\n1986ВЕ92У;01.03.2026\nRU-1999-000001\n` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, found: 2, valid: 2 });
    const bad = await t.app.inject({ method: 'POST', url: '/api/registry/verify/bulk', payload: { text: `${number};someday` } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('line 1');
  });
});

describe('rejection and documents', () => {
  it('rejects with a reason, after which nothing can include it', async () => {
    const record = await apply(integral, { organizationId: integralId, productTypeIds: [byProductId], operations: [{ code: 'assembly', country: 'BY' }] });
    expect(record.country).toBe('BY');
    await integral.request('POST', `/api/registry/records/${record.id}/submit`);
    expect((await operatorRu.request('POST', `/api/registry/records/${record.id}/decisions`, { kind: 'reject', remarks: 'x' })).statusCode).toBe(404);
    const rejected = await operatorBy.request('POST', `/api/registry/records/${record.id}/decisions`, { kind: 'reject', remarks: 'Нет документов' });
    expect(rejected.json()).toMatchObject({ state: 'rejected', remarks: 'Нет документов' });
    expect((await operatorBy.request('POST', `/api/registry/records/${record.id}/decisions`, { kind: 'include' })).statusCode).toBe(409);
    expect((await integral.request('POST', `/api/registry/records/${record.id}/submit`)).statusCode).toBe(409);
  });

  it('refuses to include a product that qualifies under no rule set unless the operator names one', async () => {
    const record = await apply(integral, { organizationId: integralId, productTypeIds: [byProductId], operations: [{ code: 'assembly', country: 'BY' }] });
    await integral.request('POST', `/api/registry/records/${record.id}/submit`);
    const refused = await operatorBy.request('POST', `/api/registry/records/${record.id}/decisions`, { kind: 'include' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('ruleSetId');
  });

  it('keeps basis documents for the maker and its country’s operators', async () => {
    const record = await apply(milandr, { organizationId: milandrId, productTypeIds: [ruProductId], operations: RU_ALL_OPERATIONS });
    const boundary = 'reestr-boundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nact\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="акт.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test act\r\n` +
      `--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const outsider = await integral.request('POST', `/api/registry/records/${record.id}/documents`, payload, headers);
    expect(outsider.statusCode, outsider.body).toBe(404); // a draft of another maker is not even visible
    const res = await milandr.request('POST', `/api/registry/records/${record.id}/documents`, payload, headers);
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json().documents[0];
    expect(doc).toMatchObject({ kind: 'act', fileName: 'акт.pdf', size: 17, downloadable: true });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await operatorRu.request('GET', `/api/registry/documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 test act');
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/documents/${doc.id}` })).statusCode).toBe(404);
    expect((await operatorBy.request('GET', `/api/registry/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await milandr.request('POST', `/api/registry/records/${record.id}/documents`, { file: 'x' })).statusCode).toBe(400);
  });
});

describe('demo mode', () => {
  it('shows a demo record decided through the log, once, however often the server starts', async () => {
    const database = await createTestDatabase();
    const db = database.open();
    try {
      const services = createServices(db, { sessionTtlHours: 1 });
      const config = { demo: true, seedOnFirstStart: true, adminEmail: 'admin@demo.test' };
      await bootstrap(db, services, config);
      await bootstrap(db, services, config);
      const list = await services.registry.list(null, {}, { page: 1, pageSize: 10, order: 'desc' });
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ state: 'included', status: 'active', country: 'RU', level: 1 });
      const record = await services.registry.get(null, list.items[0].id);
      expect(record.history.map((h) => h.kind)).toEqual(['apply', 'submit', 'include']);
      expect(record.remarks).toContain('емонстрац');
      expect((await services.registryLog.verify()).ok).toBe(true);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
