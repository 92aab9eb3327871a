/**
 * Registry status in search and BOM analysis: each product-type hit, each analog of a foreign part and each BOM
 * candidate carries the registry status today with the registry number; search has a registry-status facet and
 * filter; the BOM summary counts covered lines with an analog active in the registry; exports carry the column.
 * Records are made through the registry API (apply, submit, include, suspend), on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let engineer: Client;
const ids: Record<'active' | 'suspended' | 'none', number> = { active: 0, suspended: 0, none: 0 };
const numbers: Record<'active' | 'suspended', string> = { active: '', suspended: '' };

const facts = { makerTaxResidentEaeu: true, designRightsYears: 10, usesForeignReadyMadeSolutions: false };
const RU_ALL_OPERATIONS = ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({ code, country: 'RU' }));

type RegistryRef = { status: string; number: string | null; country: string | null };
type ProductHit = { id: number; designation: string; registry: RegistryRef };

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  const makerId = (await admin.request('POST', '/api/organizations', { name: 'АО «ПКК Миландр»', country: 'RU', inn: '7735000001' })).json().id;
  const product = async (designation: string) => (await admin.request('POST', '/api/product-types', { designation, makerId })).json().id as number;
  ids.active = await product('1986ВЕ91Т');
  ids.suspended = await product('1986ВЕ93У');
  ids.none = await product('1986ВЕ94Т');
  for (const [productTypeId, type] of [
    [ids.active, 'full'],
    [ids.none, 'functional'],
  ] as const)
    expect((await admin.request('POST', '/api/analogs', { productTypeId, foreignPartNumber: 'ZQM3301P', type, source: 'test' })).statusCode).toBe(201);

  const member = await userClient(t, admin, { email: 'engineer@milandr.test', organizationId: makerId });
  const operator = await userClient(t, admin, { email: 'operator@ru.test', role: 'operator', operatorCountry: 'RU' });
  const include = async (productTypeId: number) => {
    const applied = await member.request('POST', '/api/registry/records', {
      ...facts,
      organizationId: makerId,
      productTypeIds: [productTypeId],
      operations: RU_ALL_OPERATIONS,
      contentShares: [],
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    expect((await member.request('POST', `/api/registry/records/${id}/submit`)).statusCode).toBe(200);
    const included = await operator.request('POST', `/api/registry/records/${id}/decisions`, { kind: 'include', validFrom: '2026-01-15' });
    expect(included.statusCode, included.body).toBe(200);
    return { id, number: included.json().number as string };
  };
  numbers.active = (await include(ids.active)).number;
  const suspended = await include(ids.suspended);
  numbers.suspended = suspended.number;
  const suspend = await operator.request('POST', `/api/registry/records/${suspended.id}/decisions`, {
    kind: 'suspend',
    date: '2026-02-01',
    remarks: 'Проверка',
  });
  expect(suspend.statusCode, suspend.body).toBe(200);
  engineer = await userClient(t, admin, { email: 'engineer@plant.ru' });
});
afterAll(() => t?.close());

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('search', () => {
  it('gives each product-type hit its registry status today and the registry number', async () => {
    const body = await search('q=1986ВЕ9');
    const byId = new Map((body.productTypes.items as ProductHit[]).map((p) => [p.id, p.registry]));
    expect(byId.get(ids.active)).toMatchObject({ status: 'active', number: numbers.active, country: 'RU' });
    expect(byId.get(ids.suspended)).toMatchObject({ status: 'suspended', number: numbers.suspended });
    expect(byId.get(ids.none)).toEqual({ status: 'not_in_registry', number: null, recordId: null, country: null, validTill: null });
  });

  it('has a registry-status facet and a filter on it', async () => {
    const body = await search('q=1986ВЕ9');
    expect(body.facets.registryStatus).toEqual([
      { value: 'active', count: 1 },
      { value: 'suspended', count: 1 },
      { value: 'not_in_registry', count: 1 },
    ]);
    const only = async (status: string) => ((await search(`q=1986ВЕ9&registryStatus=${status}`)).productTypes.items as ProductHit[]).map((p) => p.id);
    expect(await only('active')).toEqual([ids.active]);
    expect(await only('suspended')).toEqual([ids.suspended]);
    expect(await only('not_in_registry')).toEqual([ids.none]);
    expect(await only('excluded')).toEqual([]);
    // the filter alone browses the registry-listed product types
    expect(((await search('registryStatus=active')).productTypes.items as ProductHit[]).map((p) => p.id)).toEqual([ids.active]);
  });

  it('gives the analogs of a foreign part their registry status', async () => {
    const body = await search('q=ZQM3301P');
    const analogs = body.foreignParts.items[0].analogs as { productType: ProductHit }[];
    expect(Object.fromEntries(analogs.map((a) => [a.productType.id, a.productType.registry.status]))).toEqual({
      [ids.active]: 'active',
      [ids.none]: 'not_in_registry',
    });
  });

  it('refuses an unknown registry status with a 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/search?q=1986&registryStatus=listed' });
    expect(res.statusCode).toBe(400);
  });
});

describe('BOM analysis', () => {
  it('gives each candidate its registry status and number, counts registry-covered lines, and exports the column', async () => {
    const res = await engineer.request('POST', '/api/bom/analyses', { lines: [{ partNumber: 'ZQM3301P', quantity: 3 }, { partNumber: '1986ВЕ93У' }] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    const [foreign, domestic] = body.lines as { status: string; candidates: { productTypeId: number; registry: RegistryRef }[] }[];
    expect(foreign.status).toBe('covered');
    expect(foreign.candidates.find((c) => c.productTypeId === ids.active)!.registry).toMatchObject({ status: 'active', number: numbers.active });
    expect(foreign.candidates.find((c) => c.productTypeId === ids.none)!.registry.status).toBe('not_in_registry');
    expect(domestic.candidates[0].registry).toMatchObject({ status: 'suspended', number: numbers.suspended });
    // the suspended product covers its own line but is not active in the registry
    expect(body.summary.registryListed).toEqual({ lines: 1, quantity: 3 });
    const again = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${body.id}` });
    expect(again.json().lines).toEqual(body.lines);
    const csv = await t.app.inject({ method: 'GET', url: `/api/bom/analyses/${body.id}/export?format=csv` });
    expect(csv.body).toContain('reestr: registry status');
    expect(csv.body).toContain(numbers.active);
  });
});
