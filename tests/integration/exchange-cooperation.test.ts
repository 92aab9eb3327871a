/**
 * Cooperation and statistics of the exchange: ties from contracts and by hand with their graphs, state-support
 * programmes with exports, currency rates and the public dashboard, and private webhook addresses refused by a
 * server that does not allow them. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let buyer: Client; // member of the buyer plant (BY-MI)
let integral: Client; // producer, BY-HM
let milandr: Client; // producer, RU-MOW
let stranger: Client;
let operatorBy: Client;
let ids: { buyer: number; integral: number; milandr: number; other: number; ptIntegral: number; ptMilandr: number };

async function post(client: Client, url: string, body: unknown, expected = 201) {
  const res = await client.request('POST', url, body);
  expect(res.statusCode, res.body).toBe(expected);
  return res.json();
}
const anon = (url: string) => t.app.inject({ method: 'GET', url });

/** Buyer demand for a part, an offer of the producer's product type, accepted on a date: the contract. */
async function contract(producer: Client, productTypeId: number, partNumber: string, price: number, currency: string, volume: number, contractDate: string) {
  const demand = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber, quantityPerYear: volume, region: 'BY-MI' });
  const offer = await post(producer, `/api/demands/${demand.id}/offers`, { productTypeId, price, currency, leadTimeDays: 30, volume });
  return post(buyer, `/api/offers/${offer.id}/accept`, { contractDate });
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  const org = async (body: Record<string, unknown>) => (await post(admin, '/api/organizations', body)).id as number;
  const buyerId = await org({ name: 'ОАО «МАЗ»', country: 'BY', region: 'BY-MI' });
  const integralId = await org({ name: 'ОАО «Интеграл»', country: 'BY', region: 'BY-HM' });
  const milandrId = await org({ name: 'АО «ПКК Миландр»', country: 'RU', region: 'RU-MOW' });
  const otherId = await org({ name: 'ООО «Посторонние»', country: 'RU', region: 'RU-SPE' });
  const pt = async (designation: string, makerId: number, categoryCode?: string) =>
    (await post(admin, '/api/product-types', { designation, makerId, categoryCode })).id as number;
  const ptIntegral = await pt('IN74HC00AN', integralId, 'logic-nand');
  const ptMilandr = await pt('К1986ВЕ92QI', milandrId, 'microelectronics');
  await post(admin, '/api/analogs', { productTypeId: ptIntegral, foreignPartNumber: 'SN74HC00N', type: 'full', source: 'datasheet' });
  await post(admin, '/api/analogs', { productTypeId: ptMilandr, foreignPartNumber: 'STM32F103C8T6', type: 'functional', source: 'catalogue' });
  ids = { buyer: buyerId, integral: integralId, milandr: milandrId, other: otherId, ptIntegral, ptMilandr };
  buyer = await userClient(t, admin, { email: 'buyer@maz.test', organizationId: buyerId, membership: 'manager' });
  integral = await userClient(t, admin, { email: 'sales@integral.test', organizationId: integralId, membership: 'manager' });
  milandr = await userClient(t, admin, { email: 'sales@milandr.test', organizationId: milandrId });
  stranger = await userClient(t, admin, { email: 'someone@other.test', organizationId: otherId });
  operatorBy = await userClient(t, admin, { email: 'operator@by.test', role: 'operator', operatorCountry: 'BY' });
});
afterAll(async () => {
  await t?.close();
});

describe('webhooks on a server that does not allow private addresses', () => {
  it('refuse loopback, private and link-local URLs with a clear 400', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest/meta-data',
      'https://192.168.1.10/x',
    ]) {
      const res = await buyer.request('PUT', `/api/organizations/${ids.buyer}/webhook`, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message).toContain('public addresses');
    }
    expect((await buyer.request('GET', `/api/organizations/${ids.buyer}/webhook`)).json().configured).toBe(false);
  });
});

describe('cooperation ties', () => {
  let manualId: number;

  it('are made from concluded contracts: supply from the producer to the buyer, with the contract’s product', async () => {
    await contract(integral, ids.ptIntegral, 'SN74HC00N', 12.5, 'BYN', 1000, '2026-03-10');
    await contract(integral, ids.ptIntegral, 'SN74HC00N', 12, 'BYN', 500, '2025-11-02');
    const list = (await anon(`/api/organizations/${ids.buyer}/ties`)).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        partner: expect.objectContaining({ id: ids.integral, name: 'ОАО «Интеграл»' }),
        kind: 'supplier',
        source: 'contract',
        since: '2025-11-02',
        contractCount: 2,
        products: [{ id: ids.ptIntegral, designation: 'IN74HC00AN' }],
        demo: false,
      }),
    ]);
    const fromProducer = (await anon(`/api/organizations/${ids.integral}/ties`)).json().items;
    expect(fromProducer).toEqual([expect.objectContaining({ partner: expect.objectContaining({ id: ids.buyer }), kind: 'customer' })]);
    // a tie names no sums or volumes
    expect(JSON.stringify(list)).not.toMatch(/12\.5|sum|volume/);
  });

  it('are made by hand by members of either side and admins, seen by the other side', async () => {
    const body = {
      organizationId: ids.milandr,
      partnerOrganizationId: ids.integral,
      kind: 'co-development',
      since: '2024-06-01',
      productTypeIds: [ids.ptMilandr],
    };
    expect((await stranger.request('POST', '/api/ties', body)).statusCode).toBe(403);
    expect((await operatorBy.request('POST', '/api/ties', body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/ties', payload: body })).statusCode).toBe(401);
    expect((await milandr.request('POST', '/api/ties', { ...body, partnerOrganizationId: ids.milandr })).statusCode).toBe(400);
    expect((await milandr.request('POST', '/api/ties', { ...body, partnerOrganizationId: 987654 })).statusCode).toBe(400);
    expect((await milandr.request('POST', '/api/ties', { ...body, productTypeIds: [987654] })).json().message).toContain('987654');
    expect((await milandr.request('POST', '/api/ties', { ...body, since: '2024-02-30' })).statusCode).toBe(400);
    expect((await milandr.request('POST', '/api/ties', { ...body, kind: 'friend' })).statusCode).toBe(400);
    const created = await post(milandr, '/api/ties', body);
    manualId = created.id;
    expect(created).toMatchObject({
      organizationId: ids.milandr,
      partner: { id: ids.integral },
      kind: 'co-development',
      source: 'manual',
      since: '2024-06-01',
    });
    // the same tie seen from the other side, and made again from there: a conflict
    const other = (await anon(`/api/organizations/${ids.integral}/ties`)).json().items;
    expect(other.find((x: { id: number }) => x.id === manualId)).toMatchObject({ partner: { id: ids.milandr }, kind: 'co-development' });
    expect((await integral.request('POST', '/api/ties', { ...body, organizationId: ids.integral, partnerOrganizationId: ids.milandr })).statusCode).toBe(409);
    // supplier seen from one side is customer from the other
    const supply = await post(admin, '/api/ties', { organizationId: ids.other, partnerOrganizationId: ids.milandr, kind: 'supplier' });
    expect(supply.kind).toBe('supplier');
    expect((await anon(`/api/organizations/${ids.milandr}/ties`)).json().items.find((x: { id: number }) => x.id === supply.id).kind).toBe('customer');
    expect((await anon('/api/organizations/987654/ties')).statusCode).toBe(404);
  });

  it('show as a graph for a region, a country and an organization', async () => {
    const region = (await anon('/api/ties/graph?region=by-mi')).json();
    expect(region.scope).toEqual({ region: 'BY-MI' });
    expect(region.nodes.map((n: { id: number; inScope: boolean }) => [n.id, n.inScope])).toEqual([
      [ids.buyer, true],
      [ids.integral, false],
    ]);
    expect(region.edges).toEqual([expect.objectContaining({ from: ids.integral, to: ids.buyer, kind: 'supply', weight: 2, products: 1, source: 'contract' })]);
    const country = (await anon('/api/ties/graph?country=BY')).json();
    expect(country.edges.map((e: { kind: string }) => e.kind).sort()).toEqual(['co-development', 'supply']);
    expect(country.nodes.find((n: { id: number }) => n.id === ids.milandr)).toMatchObject({ inScope: false, country: 'RU', region: 'RU-MOW' });
    const org = (await anon(`/api/organizations/${ids.milandr}/ties/graph`)).json();
    expect(org.nodes.map((n: { id: number }) => n.id).sort()).toEqual([ids.integral, ids.milandr, ids.other].sort());
    expect((await anon('/api/ties/graph')).statusCode).toBe(400);
    expect((await anon('/api/ties/graph?region=BY-MI&country=BY')).statusCode).toBe(400);
    expect((await anon('/api/ties/graph?region=Minsk')).statusCode).toBe(400);
  });

  it('made by hand are removed by either side; ties from contracts stay', async () => {
    expect((await stranger.request('DELETE', `/api/ties/${manualId}`)).statusCode).toBe(403);
    const contractTie = (await anon(`/api/organizations/${ids.buyer}/ties`)).json().items[0].id;
    expect((await buyer.request('DELETE', `/api/ties/${contractTie}`)).statusCode).toBe(409);
    expect((await integral.request('DELETE', `/api/ties/${manualId}`)).statusCode).toBe(204);
    expect((await integral.request('DELETE', `/api/ties/${manualId}`)).statusCode).toBe(404);
    expect((await anon(`/api/organizations/${ids.integral}/ties`)).json().items.map((x: { id: number }) => x.id)).toEqual([contractTie]);
  });
});
