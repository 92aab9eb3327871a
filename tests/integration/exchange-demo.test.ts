/**
 * Demo mode's exchange: loaded once on a demo start, shown marked on the dashboard, left out by a server not in
 * demo mode, and removed exactly (`reestr demo remove`) with real rows intact. Runs on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { createServices, type Services } from '../../src/server/services';
import { bootstrap } from '../../src/server/bootstrap';
import type { Db } from '../../src/server/db/client';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts';
import { removeDemoExchange } from '../../src/server/demo/exchange';
import { ExchangeRepository } from '../../src/server/exchange/repository';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { signIn, type Client } from '../support/app';

let database: TestDatabase;
let db: Db;
let services: Services;
let app: FastifyInstance;
let integral: Client;
let milandr: Client;
let operatorBy: Client;
const real: { contractId?: number; rateId?: number } = {};
const config = { demo: true, seedOnFirstStart: true, adminEmail: 'admin@demo.test' };

async function post(client: Client, url: string, body: unknown, expected = 201) {
  const res = await client.request('POST', url, body);
  expect(res.statusCode, res.body).toBe(expected);
  return res.json();
}
const dashboard = async () => (await app.inject({ method: 'GET', url: '/api/dashboard/exchange' })).json();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.open();
  services = createServices(db, { sessionTtlHours: 1, demo: true });
  await bootstrap(db, services, config);
  app = await buildApp(
    {
      demo: true,
      secureCookies: false,
      bodyLimitBytes: 64 * 1024,
      loginAttemptsPerMinute: 1000,
      bomMaxBytes: 128 * 1024,
      registryVerifyPerMinute: 1000,
      logLevel: 'silent',
      webRoot: '/nonexistent',
    },
    services,
  );
  await app.ready();
  integral = await signIn(app, 'integral@demo.reestr', DEMO_PASSWORD);
  milandr = await signIn(app, 'milandr@demo.reestr', DEMO_PASSWORD);
  operatorBy = await signIn(app, 'operator.by@demo.reestr', DEMO_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await database?.drop();
});

describe('demo exchange', () => {
  it('is loaded on a demo start and shown on the dashboard marked as demo', async () => {
    const d = await dashboard();
    expect(d.demoMode).toBe(true);
    expect(d.totals).toMatchObject({ contracts: 3, substitutedTypes: 3, demand: { entries: 5 }, demo: { contracts: 3, demands: 5 } });
    expect(d.totals.converted.notConverted).toEqual([]);
    expect(d.ratesUsed).toEqual([expect.objectContaining({ currency: 'BYN', toCurrency: 'RUB', date: '2026-01-01', contracts: 1 })]);
    const graph = (await app.inject({ method: 'GET', url: '/api/ties/graph?country=BY' })).json();
    expect(graph.edges.length).toBeGreaterThanOrEqual(3);
    expect(graph.edges.every((e: { demo: boolean }) => e.demo)).toBe(true);
    expect(graph.nodes.map((n: { name: string }) => n.name)).toContain('ОАО «Демо-Автозавод» (демо)');
    const programmes = (await app.inject({ method: 'GET', url: '/api/programmes?state=UNION&year=2026' })).json();
    expect(programmes.items).toEqual([expect.objectContaining({ demo: true, name: expect.stringContaining('(демо)') })]);
    // the demo maker sees the demand it was matched to in its inbox
    const inbox = (await milandr.request('GET', '/api/inbox?pageSize=100')).json();
    expect(inbox.items.filter((n: { kind: string }) => n.kind === 'demand.matched').length).toBeGreaterThanOrEqual(3);
  });

  it('is loaded once', async () => {
    await bootstrap(db, services, config);
    expect((await dashboard()).totals.demo.contracts).toBe(3);
  });

  it('is left out by a server not in demo mode', async () => {
    // real work beside the demo: a contract of the demo makers and a rate
    const buyerId = (await services.organizationsRepo.findByName('ОАО «Интеграл»'))!.id;
    const product = await db.kysely.selectFrom('product_types').select('id').where('designation', '=', 'К1986ВЕ92QI').executeTakeFirstOrThrow();
    const posted = await post(integral, '/api/demands', { buyerOrganizationId: buyerId, partNumber: 'STM32F103CBT6', quantityPerYear: 100 });
    const offer = await post(milandr, `/api/demands/${posted.id}/offers`, {
      productTypeId: product.id,
      price: 1000,
      currency: 'RUB',
      leadTimeDays: 30,
      volume: 100,
    });
    real.contractId = (await post(integral, `/api/offers/${offer.id}/accept`, { contractDate: '2026-05-05' })).id;
    real.rateId = (await post(operatorBy, '/api/rates', { currency: 'BYN', toCurrency: 'RUB', rate: 29.3, date: '2026-02-01' })).id;

    const plain = createServices(db, { sessionTtlHours: 1 });
    const d = await plain.exchangeStatistics.dashboard({});
    expect(d).toMatchObject({ demoMode: false, totals: { contracts: 1, demand: { entries: 1 }, demo: { contracts: 0, demands: 0 } } });
    expect((await plain.exchangeProgrammes.list({}, { page: 1, pageSize: 50, order: 'asc' })).total).toBe(0);
    expect((await plain.exchangeStatistics.rates({})).items.map((r) => r.id)).toEqual([real.rateId]);
    const listed = await plain.exchange.listDemands(null, {}, { page: 1, pageSize: 50, order: 'asc' });
    expect(listed.items.map((x) => [x.id, x.demo])).toEqual([[posted.id, false]]);
    const demoList = (await app.inject({ method: 'GET', url: '/api/demands?pageSize=50' })).json();
    expect(demoList.items.filter((x: { demo: boolean }) => x.demo)).toHaveLength(5);
    // the worker's re-matching sweep never takes the demo batch (it would notify real producers)
    const openDemo = demoList.items.filter((x: { demo: boolean; status: string }) => x.demo && x.status === 'open').map((x: { id: number }) => x.id);
    expect(openDemo.length).toBeGreaterThan(0);
    const swept = (await new ExchangeRepository(db.kysely, db.dialect).openDemands(0, 1000)).map((x) => x.id);
    expect(swept.filter((id) => openDemo.includes(id))).toEqual([]);
    const ties = await plain.exchangeTies.listOf(buyerId);
    expect(ties.items.map((x) => [x.kind, x.source])).toEqual([['supplier', 'contract']]);
  });

  it('is removed exactly, real rows intact', async () => {
    const { removed } = await removeDemoExchange(db);
    expect(removed).toEqual({
      cooperation_ties: 4,
      support_programmes: 1,
      currency_rates: 1,
      contracts: 3,
      offers: 4,
      demands: 5,
      product_types: 0,
      organizations: 2,
    });
    const d = await dashboard();
    expect(d.totals).toMatchObject({ contracts: 1, demand: { entries: 1 }, demo: { contracts: 0, demands: 0 } });
    expect((await app.inject({ method: 'GET', url: '/api/programmes' })).json().total).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/api/rates' })).json().items.map((r: { id: number }) => r.id)).toEqual([real.rateId]);
    expect((await integral.request('GET', `/api/contracts/${real.contractId}`)).statusCode).toBe(200);
    expect(await services.organizationsRepo.findByName('ОАО «Демо-Автозавод» (демо)')).toBeUndefined();
    expect(await services.organizationsRepo.findByName('ОАО «Интеграл»')).toBeDefined();
    const graph = (await app.inject({ method: 'GET', url: '/api/ties/graph?country=BY' })).json();
    expect(graph.edges).toEqual([expect.objectContaining({ kind: 'supply', weight: 1, demo: false })]);
    expect((await removeDemoExchange(db)).removed.contracts).toBe(0);
  });
});
