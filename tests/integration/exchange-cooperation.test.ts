/**
 * Cooperation and statistics of the exchange: ties from contracts and by hand with their graphs, state-support
 * programmes with exports, currency rates and the public dashboard, and private webhook addresses refused by a
 * server that does not allow them. Runs on SQLite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as backfill } from '../../src/server/db/migrations/2026120303_exchange_ties_backfill';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';

let t: TestApp;
let admin: Client;
let buyer: Client; // member of the buyer plant (BY-MI)
let integral: Client; // producer, BY-HM
let milandr: Client; // producer, RU-MOW
let stranger: Client;
let operatorBy: Client;
let operatorRu: Client;
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
  operatorRu = await userClient(t, admin, { email: 'operator@ru.test', role: 'operator', operatorCountry: 'RU' });
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
    for (const key of ['sum', 'volume', 'price', 'currency']) expect(list[0]).not.toHaveProperty(key);
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

describe('state-support programmes', () => {
  let byId: number;
  let unionId: number;
  const programme = {
    name: 'Развитие электронной промышленности',
    state: 'BY',
    ownerBody: 'Министерство промышленности Республики Беларусь',
    yearFrom: 2026,
    yearTo: 2030,
    description: '=HYPERLINK("http://evil.example","click")',
  };

  it('are managed by admins and operators of their state, with clear errors', async () => {
    const body = { ...programme, organizationIds: [ids.integral, ids.buyer], productTypeIds: [ids.ptIntegral] };
    expect((await operatorRu.request('POST', '/api/programmes', body)).statusCode).toBe(403);
    expect((await integral.request('POST', '/api/programmes', body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/programmes', payload: body })).statusCode).toBe(401);
    expect((await operatorBy.request('POST', '/api/programmes', { ...body, yearFrom: 2031 })).json().message).toContain('yearFrom must not be after yearTo');
    expect((await operatorBy.request('POST', '/api/programmes', { ...body, state: 'KZ' })).statusCode).toBe(400);
    expect((await operatorBy.request('POST', '/api/programmes', { ...body, organizationIds: [987654] })).json().message).toContain('987654');
    expect((await operatorBy.request('POST', '/api/programmes', { ...body, name: '   ' })).statusCode).toBe(400);
    const created = await post(operatorBy, '/api/programmes', body);
    byId = created.id;
    expect(created).toMatchObject({ state: 'BY', yearFrom: 2026, yearTo: 2030, demo: false, products: [{ id: ids.ptIntegral, designation: 'IN74HC00AN' }] });
    expect(created.organizations.map((o: { id: number }) => o.id).sort()).toEqual([ids.buyer, ids.integral].sort());
    unionId = (
      await post(operatorRu, '/api/programmes', {
        name: 'Союзная программа «Компонентная база»',
        state: 'UNION',
        ownerBody: 'Совет Министров Союзного государства',
        yearFrom: 2024,
        yearTo: 2026,
        organizationIds: [ids.milandr],
      })
    ).id;
    await post(admin, '/api/programmes', { name: 'Программа РФ', state: 'RU', ownerBody: 'Минпромторг России', yearFrom: 2027, yearTo: 2029 });
    // changing: the lists are replaced when given, kept when not
    const changed = await operatorBy.request('PUT', `/api/programmes/${byId}`, { ...programme, yearTo: 2031, organizationIds: [ids.integral] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ yearTo: 2031, organizations: [{ id: ids.integral }], products: [{ id: ids.ptIntegral }] });
    expect((await operatorRu.request('PUT', `/api/programmes/${byId}`, programme)).statusCode).toBe(403);
    expect((await operatorBy.request('PUT', `/api/programmes/${byId}`, { ...programme, state: 'RU' })).statusCode).toBe(403);
    expect((await operatorBy.request('PUT', '/api/programmes/987654', programme)).statusCode).toBe(404);
  });

  it('are listed publicly by state and year: the yearly list of a state', async () => {
    const list = async (q: string) => (await anon(`/api/programmes?${q}`)).json();
    expect((await list('')).total).toBe(3);
    expect((await list('state=BY&year=2026')).items.map((p: { id: number }) => p.id)).toEqual([byId]);
    expect((await list('year=2026')).items.map((p: { id: number }) => p.id).sort()).toEqual([byId, unionId].sort());
    expect((await list('year=2025')).items.map((p: { id: number }) => p.id)).toEqual([unionId]);
    expect((await list('state=UNION&year=2027')).total).toBe(0);
    expect((await anon('/api/programmes?state=KZ')).statusCode).toBe(400);
    expect((await anon('/api/programmes?year=abc')).statusCode).toBe(400);
    expect((await anon(`/api/programmes/${unionId}`)).json()).toMatchObject({ state: 'UNION', organizations: [{ id: ids.milandr }] });
  });

  it('export as CSV and XLSX with formulas neutralised', async () => {
    const csv = await anon('/api/programmes/export?format=csv&state=BY');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('programmes-BY.csv');
    expect(csv.body).toContain('Развитие электронной промышленности');
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.body).not.toContain('Программа РФ');
    const xlsx = await anon('/api/programmes/export?year=2026');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Programmes')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('name');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toHaveLength(2);
    const by = rows.find((r) => r[1] === byId)!;
    expect(by[7]).toBe(`'${programme.description}`);
    expect(by[8]).toBe('ОАО «Интеграл» (BY)');
    expect((await anon('/api/programmes/export?format=pdf')).statusCode).toBe(400);
  });

  it('are removed by their managers', async () => {
    expect((await operatorBy.request('DELETE', `/api/programmes/${unionId}`)).statusCode).toBe(204);
    expect((await anon(`/api/programmes/${unionId}`)).statusCode).toBe(404);
    expect((await operatorRu.request('DELETE', `/api/programmes/${byId}`)).statusCode).toBe(403);
  });
});

describe('currency rates and the public dashboard', () => {
  beforeAll(async () => {
    // besides the two BYN contracts of the ties (12 500 BYN on 2026-03-10, 6 000 BYN on 2025-11-02)
    await contract(milandr, ids.ptMilandr, 'STM32F103C8T6', 95, 'RUB', 100, '2026-04-01');
    await contract(integral, ids.ptIntegral, 'SN74HC00N', 1, 'USD', 10, '2026-05-01');
  });

  it('are recorded by operators and admins, the same pair and date replaced', async () => {
    const rate = { currency: 'BYN', toCurrency: 'RUB', rate: 28, date: '2025-10-01', source: 'НБРБ' };
    expect((await integral.request('POST', '/api/rates', rate)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/rates', payload: rate })).statusCode).toBe(401);
    expect((await operatorBy.request('POST', '/api/rates', { ...rate, toCurrency: 'BYN' })).json().message).toContain('two different currencies');
    expect((await operatorBy.request('POST', '/api/rates', { ...rate, date: '2025-02-30' })).statusCode).toBe(400);
    expect((await operatorBy.request('POST', '/api/rates', { ...rate, rate: 0 })).statusCode).toBe(400);
    expect((await operatorBy.request('POST', '/api/rates', { ...rate, currency: 'byn' })).statusCode).toBe(400);
    const first = await post(operatorBy, '/api/rates', rate);
    const replaced = await post(operatorRu, '/api/rates', { ...rate, rate: 28.5 });
    expect(replaced).toMatchObject({ id: first.id, rate: 28.5, date: '2025-10-01', source: 'НБРБ' });
    await post(admin, '/api/rates', { currency: 'BYN', toCurrency: 'RUB', rate: 29, date: '2026-03-01' });
    const temporary = await post(admin, '/api/rates', { currency: 'EUR', toCurrency: 'RUB', rate: 100, date: '2026-03-01' });
    expect((await integral.request('DELETE', `/api/rates/${temporary.id}`)).statusCode).toBe(403);
    expect((await operatorRu.request('DELETE', `/api/rates/${temporary.id}`)).statusCode).toBe(204);
    expect((await operatorRu.request('DELETE', `/api/rates/${temporary.id}`)).statusCode).toBe(404);
    const list = (await anon('/api/rates?currency=BYN')).json().items;
    expect(list.map((r: { date: string; rate: number }) => [r.date, r.rate])).toEqual([
      ['2026-03-01', 29],
      ['2025-10-01', 28.5],
    ]);
  });

  it('shows public aggregates with sums converted at the rate of each contract’s date, never guessed', async () => {
    const res = await anon('/api/dashboard/exchange');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ currency: 'RUB', demoMode: false, filters: { year: null, country: null } });
    expect(d.totals).toMatchObject({
      substitutedTypes: 2,
      contracts: 4,
      cooperatingOrganizations: 3,
      sums: [
        { currency: 'BYN', sum: 18500 },
        { currency: 'RUB', sum: 9500 },
        { currency: 'USD', sum: 10 },
      ],
      // 12 500 × 29 + 6 000 × 28.5 + 9 500
      converted: { currency: 'RUB', sum: 543000, contracts: 3, notConverted: [{ currency: 'USD', sum: 10, contracts: 1 }] },
      demand: { entries: 4 },
      demo: { contracts: 0, demands: 0 },
    });
    expect(d.ratesUsed).toEqual([
      { currency: 'BYN', toCurrency: 'RUB', rate: 28.5, date: '2025-10-01', contracts: 1 },
      { currency: 'BYN', toCurrency: 'RUB', rate: 29, date: '2026-03-01', contracts: 1 },
    ]);
    expect(d.groups.year.map((g: { key: string; contracts: number }) => [g.key, g.contracts])).toEqual([
      ['2025', 1],
      ['2026', 3],
    ]);
    expect(d.groups.country.map((g: { key: string }) => g.key)).toEqual(['BY']);
    expect(d.groups.region.find((g: { key: string }) => g.key === 'BY-MI')).toMatchObject({ contracts: 4, demand: { entries: 4 } });
    expect(d.groups.category.map((g: { key: string; substitutedTypes: number }) => [g.key, g.substitutedTypes])).toEqual([
      ['logic-nand', 1],
      ['microelectronics', 1],
      [null, 0], // the demand names no category
    ]);
    // aggregates only: no party, contract or product names
    expect(res.body).not.toMatch(/МАЗ|Интеграл|Миландр|IN74HC00AN|SN74HC00N/);
  });

  it('filters by year and country and converts into another currency', async () => {
    const y2025 = (await anon('/api/dashboard/exchange?year=2025')).json();
    expect(y2025.totals).toMatchObject({ contracts: 1, converted: { sum: 171000 } });
    expect(y2025.totals.demand.entries).toBe(0);
    expect((await anon('/api/dashboard/exchange?country=ru')).json().totals).toMatchObject({ contracts: 0, demand: { entries: 0 } });
    const byn = (await anon('/api/dashboard/exchange?currency=BYN')).json();
    expect(byn.totals.converted).toEqual({
      currency: 'BYN',
      sum: 18500,
      contracts: 2,
      notConverted: [
        { currency: 'RUB', sum: 9500, contracts: 1 },
        { currency: 'USD', sum: 10, contracts: 1 },
      ],
    });
    expect((await anon('/api/dashboard/exchange?year=1800')).statusCode).toBe(400);
    expect((await anon('/api/dashboard/exchange?currency=rubles')).statusCode).toBe(400);
  });

  it('downloads the same figures as CSV and XLSX', async () => {
    const csv = await anon('/api/dashboard/exchange/export?format=csv&year=2026');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('exchange-dashboard-2026.csv');
    expect(csv.body).toContain('By region');
    expect(csv.body).toContain('converted sum RUB');
    const xlsx = await anon('/api/dashboard/exchange/export');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Totals', 'By country', 'By region', 'By category', 'By year', 'Rates used']);
    const totals = workbook.getWorksheet('Totals')!;
    const header = totals.getRow(1).values as unknown[];
    const row = totals.getRow(2).values as unknown[];
    expect(row[header.indexOf('contracts')]).toBe(4);
    expect(row[header.indexOf('converted sum RUB')]).toBe(543000);
    expect(row[header.indexOf('sum BYN')]).toBe(18500);
    expect(workbook.getWorksheet('Rates used')!.rowCount).toBe(3);
  });
});

describe('ties of contracts concluded before ties existed', () => {
  it('are made by the backfill migration: one per producer and buyer, since the first contract, with the products', async () => {
    const snapshot = async () =>
      (
        await t.db.kysely
          .selectFrom('cooperation_ties as t')
          .select(['t.organization_id', 't.partner_organization_id', 't.since', 't.contract_count'])
          .select((eb) =>
            eb
              .selectFrom('cooperation_tie_products as p')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('p.tie_id', '=', 't.id')
              .as('products'),
          )
          .where('t.source', '=', 'contract')
          .orderBy('t.organization_id')
          .execute()
      ).map((r) => ({ ...r, products: Number(r.products) }));
    const before = await snapshot();
    expect(before).toEqual([
      { organization_id: ids.integral, partner_organization_id: ids.buyer, since: '2025-11-02', contract_count: 3, products: 1 },
      { organization_id: ids.milandr, partner_organization_id: ids.buyer, since: '2026-04-01', contract_count: 1, products: 1 },
    ]);
    await t.db.kysely.deleteFrom('cooperation_ties').where('source', '=', 'contract').execute();
    await backfill(t.db.kysely);
    expect(await snapshot()).toEqual(before);
    await backfill(t.db.kysely); // nothing twice
    expect(await snapshot()).toEqual(before);
  });
});

describe('bad input to the cooperation API', () => {
  it('answers 4xx, never 500, for ids beyond the integer range and sums beyond the money columns', async () => {
    const huge = 2 ** 31;
    expect((await admin.request('POST', '/api/ties', { organizationId: huge, partnerOrganizationId: ids.buyer, kind: 'supplier' })).statusCode).toBe(400);
    expect(
      (await operatorBy.request('POST', '/api/programmes', { name: 'x', state: 'BY', ownerBody: 'y', yearFrom: 2026, yearTo: 2026, productTypeIds: [huge] }))
        .statusCode,
    ).toBe(400);
    expect((await operatorBy.request('POST', '/api/rates', { currency: 'BYN', toCurrency: 'RUB', rate: 1e-12, date: '2026-01-01' })).statusCode).toBe(400);
    const demand = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 1e12 });
    const offer = await post(integral, `/api/demands/${demand.id}/offers`, {
      productTypeId: ids.ptIntegral,
      price: 1e12,
      currency: 'BYN',
      leadTimeDays: 1,
      volume: 1e12,
    });
    const res = await buyer.request('POST', `/api/offers/${offer.id}/accept`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('at most');
    expect((await buyer.request('GET', `/api/offers/${offer.id}`)).json().status).toBe('open');
  });
});
