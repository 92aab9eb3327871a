/**
 * Audit trail: administrative and operator actions are recorded with who, what, when, before and after,
 * refusals included, secrets never; only administrators read it. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let operatorRu: Client;
let operatorBy: Client;
let member: Client;
let orgId: number;

interface Event {
  id: number;
  actor: { email: string; role: string; country: string | null; via: string };
  action: string;
  entity: string;
  entityId: string | null;
  statusCode: number;
  request: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

async function trail(query = ''): Promise<Event[]> {
  const res = await admin.request('GET', `/api/audit?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  orgId = (await admin.request('POST', '/api/organizations', { name: 'АО «Ангстрем»', country: 'RU' })).json().id;
  member = await userClient(t, admin, { email: 'engineer@angstrem.test', organizationId: orgId });
  operatorRu = await userClient(t, admin, { email: 'operator@ru.test', role: 'operator', operatorCountry: 'RU' });
  operatorBy = await userClient(t, admin, { email: 'operator@by.test', role: 'operator', operatorCountry: 'BY' });
});
afterAll(() => t?.close());

describe('audit trail', () => {
  it('records an administrator’s creation and change with the state before and after', async () => {
    const created = (await admin.request('POST', '/api/product-types', { designation: 'К1533ЛА3', makerId: orgId })).json();
    const changed = await admin.request('PATCH', `/api/product-types/${created.id}`, { functionRu: 'Четыре логических элемента 2И-НЕ' });
    expect(changed.statusCode, changed.body).toBe(200);
    const events = await trail(`&entity=product-types&entityId=${created.id}`);
    expect(events.map((e) => e.action)).toEqual(['PATCH product-types/:id', 'POST product-types']);
    const [update, creation] = events;
    expect(creation).toMatchObject({ actor: { email: ADMIN_EMAIL, role: 'admin', via: 'session' }, statusCode: 201, before: null });
    expect(creation!.after).toMatchObject({ id: created.id, designation: 'К1533ЛА3' });
    expect(update!.before).toMatchObject({ designation: 'К1533ЛА3', functionRu: 'Логические элементы И-НЕ' });
    expect(update!.after).toMatchObject({ functionRu: 'Четыре логических элемента 2И-НЕ' });
    expect(update!.request).toEqual({ functionRu: 'Четыре логических элемента 2И-НЕ' });
  });

  it('records an operator’s decision, and a refused one, with the country the operator acts for', async () => {
    const productId = (await admin.request('POST', '/api/product-types', { designation: '1564ЛА3', makerId: orgId })).json().id;
    const record = await member.request('POST', '/api/registry/records', {
      organizationId: orgId,
      productTypeIds: [productId],
      operations: [],
      contentShares: [],
      makerTaxResidentEaeu: true,
      designRightsYears: 10,
      usesForeignReadyMadeSolutions: false,
    });
    expect(record.statusCode, record.body).toBe(201);
    const id = record.json().id;
    expect((await member.request('POST', `/api/registry/records/${id}/submit`)).statusCode).toBe(200);
    const refused = await operatorBy.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'return', remarks: 'не моя страна' });
    expect([403, 404]).toContain(refused.statusCode);
    const returned = await operatorRu.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'return', remarks: 'Приложите акт экспертизы' });
    expect(returned.statusCode, returned.body).toBe(200);

    const events = await trail(`&entity=registry/records&entityId=${id}`);
    // the producer's own application and submission are not administrative actions
    expect(events.map((e) => [e.actor.email, e.statusCode])).toEqual([
      ['operator@ru.test', 200],
      ['operator@by.test', refused.statusCode],
    ]);
    expect(events[0]).toMatchObject({ actor: { role: 'operator', country: 'RU' }, request: { kind: 'return', remarks: 'Приложите акт экспертизы' } });
    expect(events[0]!.before).toMatchObject({ state: 'submitted' });
    expect(events[0]!.after).toMatchObject({ state: 'returned' });
    expect(events[1]).toMatchObject({ actor: { country: 'BY' } });
    expect((await trail('&refused=true')).every((e) => e.statusCode >= 400)).toBe(true);
  });

  it('never keeps a password or a token', async () => {
    const created = await admin.request('POST', '/api/users', { email: 'new@reestr.test', name: 'Новый', role: 'user', password: 'secret-password-123' });
    expect(created.statusCode, created.body).toBe(201);
    const token = await admin.request('POST', '/api/auth/tokens', { name: 'ci', scope: 'read' });
    const body = JSON.stringify(await trail());
    expect(body).toContain('new@reestr.test');
    expect(body).not.toContain('secret-password-123');
    expect(token.statusCode, token.body).toBe(201);
    const secret = Object.values(token.json() as Record<string, unknown>).find((v) => typeof v === 'string' && v.startsWith('rst_')) as string;
    expect(secret).toBeTruthy();
    expect(body).not.toContain(secret);
  });

  it('is read by administrators only, filtered by actor and time', async () => {
    for (const client of [member, operatorRu]) expect((await client.request('GET', '/api/audit')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const facets = (await admin.request('GET', '/api/audit/facets')).json();
    expect(facets.entities).toEqual(expect.arrayContaining(['product-types', 'registry/records', 'users']));
    const operator = facets.actors.find((a: { email: string }) => a.email === 'operator@ru.test');
    const byOperator = await trail(`&actorUserId=${operator.id}`);
    expect(byOperator.length).toBeGreaterThan(0);
    expect(byOperator.every((e) => e.actor.email === 'operator@ru.test')).toBe(true);
    expect(await trail('&to=2000-01-01')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await trail(`&from=${today}&to=${today}`)).length).toBe((await trail()).length);
    const one = await admin.request('GET', `/api/audit/${byOperator[0]!.id}`);
    expect(one.json()).toMatchObject({ id: byOperator[0]!.id, actor: { email: 'operator@ru.test' } });
    expect((await admin.request('GET', '/api/audit/999999')).statusCode).toBe(404);
  });
});

describe('audit trail of odd requests', () => {
  it('keeps an action whose address or body holds a NUL character', async () => {
    const res = await admin.request('PATCH', '/api/product-types/999999%00', { functionRu: 'x\u0000y' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const events = await trail();
    expect(events.some((e) => e.statusCode === res.statusCode && e.action.startsWith('PATCH'))).toBe(true);
  });
});
