/**
 * Demand exchange: demand with visibility, demand from a BOM analysis, matching to producers through the search
 * tiers and re-matching after catalogue changes, the inbox, signed webhooks with back-off, offers, contracts
 * and substitutions, with their permissions. Runs on SQLite and PostgreSQL; webhooks go to a local server.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, signIn, userClient, type Client, type TestApp } from '../support/app';
import { verifyDelivery } from '../../src/domain/exchange/webhook';
import { WebhookService, webhookTargetProblem } from '../../src/server/exchange/webhooks';
import { ExchangeRepository } from '../../src/server/exchange/repository';

let t: TestApp;
let admin: Client;
let buyer: Client; // member of the buyer plant
let buyerManager: Client;
let integral: Client; // producer, BY
let integralManager: Client;
let milandr: Client; // producer, RU
let stranger: Client; // member of an unrelated organization
let operatorBy: Client;
let operatorKz: Client;
let ids: { buyer: number; integral: number; milandr: number; other: number; ptIntegral: number; ptMilandr: number; ptMilandrIsolator: number };

const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let hookStatus = 200;
let hookServer: http.Server;
let hookUrl: string;

async function post(client: Client, url: string, body: unknown, expected = 201) {
  const res = await client.request('POST', url, body);
  expect(res.statusCode, res.body).toBe(expected);
  return res.json();
}

beforeAll(async () => {
  hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = hookStatus;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/reestr`;

  // the receiver runs on 127.0.0.1: this server allows private webhook addresses (WEBHOOK_ALLOW_PRIVATE)
  t = await createTestApp({ webhookAllowPrivate: true });
  admin = await signIn(t.app, ADMIN_EMAIL, t.adminPassword);
  const org = async (body: Record<string, unknown>) => (await post(admin, '/api/organizations', body)).id as number;
  const buyerId = await org({ name: 'ОАО «Белорусский автомобильный завод»', country: 'BY', region: 'BY-MI' });
  const integralId = await org({ name: 'ОАО «Интеграл»', country: 'BY', region: 'BY-HM' });
  const milandrId = await org({ name: 'АО «ПКК Миландр»', country: 'RU', region: 'RU-MOW' });
  const otherId = await org({ name: 'ООО «Посторонние»', country: 'RU' });
  const pt = async (designation: string, makerId: number) => (await post(admin, '/api/product-types', { designation, makerId })).id as number;
  const ptIntegral = await pt('IN74HC00AN', integralId);
  const ptMilandr = await pt('КР1564ЛА3', milandrId);
  const ptMilandrIsolator = await pt('5559ИН13', milandrId);
  await post(admin, '/api/analogs', { productTypeId: ptIntegral, foreignPartNumber: 'SN74HC00N', type: 'full', source: 'datasheet' });
  await post(admin, '/api/analogs', { productTypeId: ptMilandr, foreignPartNumber: 'SN74HC00N', type: 'functional', source: 'catalogue' });
  ids = { buyer: buyerId, integral: integralId, milandr: milandrId, other: otherId, ptIntegral, ptMilandr, ptMilandrIsolator };
  buyer = await userClient(t, admin, { email: 'buyer@belaz.test', organizationId: buyerId });
  buyerManager = await userClient(t, admin, { email: 'manager@belaz.test', organizationId: buyerId, membership: 'manager' });
  integral = await userClient(t, admin, { email: 'sales@integral.test', organizationId: integralId });
  integralManager = await userClient(t, admin, { email: 'it@integral.test', organizationId: integralId, membership: 'manager' });
  milandr = await userClient(t, admin, { email: 'sales@milandr.test', organizationId: milandrId });
  stranger = await userClient(t, admin, { email: 'someone@other.test', organizationId: otherId });
  operatorBy = await userClient(t, admin, { email: 'operator@by.test', role: 'operator', operatorCountry: 'BY' });
  operatorKz = await userClient(t, admin, { email: 'operator@kz.test', role: 'operator', operatorCountry: 'KZ' });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => hookServer?.close(resolve));
});

const anon = (url: string) => t.app.inject({ method: 'GET', url });
const inbox = async (client: Client) => (await client.request('GET', '/api/inbox?pageSize=200')).json();

describe('demand', () => {
  let publicId: number;
  let anonymousId: number;
  let registeredId: number;

  it('is posted only by members of the buyer organization, with clear errors for bad input', async () => {
    const body = { buyerOrganizationId: ids.buyer, partNumber: 'sn74hc00n', quantityPerYear: 120000, neededBy: '2027-03-01', region: 'by-mi' };
    expect((await stranger.request('POST', '/api/demands', body)).statusCode).toBe(403);
    expect((await integral.request('POST', '/api/demands', body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/demands', payload: body })).statusCode).toBe(401);
    const noItem = await buyer.request('POST', '/api/demands', { buyerOrganizationId: ids.buyer, quantityPerYear: 5 });
    expect(noItem.statusCode).toBe(400);
    expect(noItem.json().message).toContain('name the item');
    expect((await buyer.request('POST', '/api/demands', { ...body, neededBy: '2027-02-30' })).json().message).toContain('not a date');
    expect((await buyer.request('POST', '/api/demands', { ...body, quantityPerYear: -1 })).statusCode).toBe(400);
    expect((await buyer.request('POST', '/api/demands', { ...body, categoryCode: 'no-such-category' })).json().message).toContain('does not exist');
    expect((await buyer.request('POST', '/api/demands', { ...body, buyerOrganizationId: 987654 })).statusCode).toBe(400);

    const created = await post(buyer, '/api/demands', body);
    publicId = created.id;
    expect(created).toMatchObject({
      partNumber: 'sn74hc00n',
      partNumberKey: 'SN74HC00N',
      region: 'BY-MI',
      visibility: 'public',
      status: 'open',
      mine: true,
      buyer: { id: ids.buyer, country: 'BY' },
    });
    // matched through the search tiers to both makers of analogs; the buyer sees every match
    expect(created.matches.map((m: { organization: { id: number } }) => m.organization.id).sort()).toEqual([ids.integral, ids.milandr].sort());
    expect(created.matches.find((m: { productType: { id: number } }) => m.productType.id === ids.ptIntegral)).toMatchObject({ analogType: 'full' });
  });

  it('notifies each matched producer once in its inbox', async () => {
    const box = await inbox(integral);
    const mine = box.items.filter((n: { kind: string; demandId: number }) => n.kind === 'demand.matched' && n.demandId === publicId);
    expect(mine).toHaveLength(1);
    expect(mine[0].payload.demand.buyer.name).toContain('Белорусский');
    expect(mine[0].payload.productTypes[0]).toMatchObject({ id: ids.ptIntegral, designation: 'IN74HC00AN' });
    expect(box.unread).toBeGreaterThanOrEqual(1);
    expect((await inbox(stranger)).total).toBe(0);
    // a producer sees its own match only
    const seen = (await integral.request('GET', `/api/demands/${publicId}`)).json();
    expect(seen.matches.map((m: { organization: { id: number } }) => m.organization.id)).toEqual([ids.integral]);
    expect(seen.mine).toBe(false);
    expect(seen.bomSource).toBeNull();
    // changing the demand matches again, without a second notification
    const put = await buyer.request('PUT', `/api/demands/${publicId}`, {
      partNumber: 'SN74HC00N',
      quantityPerYear: 150000,
      neededBy: '2027-03-01',
      region: 'BY-MI',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().quantityPerYear).toBe(150000);
    expect((await inbox(integral)).items.filter((n: { demandId: number }) => n.demandId === publicId)).toHaveLength(1);
    expect((await stranger.request('PUT', `/api/demands/${publicId}`, { partNumber: 'X1', quantityPerYear: 1 })).statusCode).toBe(403);
  });

  it('marks notifications read for the organization, and not another organization’s', async () => {
    const box = await inbox(integral);
    const id = box.items[0].id;
    expect((await stranger.request('POST', `/api/inbox/${id}/read`)).statusCode).toBe(404);
    expect((await integral.request('POST', `/api/inbox/${id}/read`)).statusCode).toBe(204);
    const after = await inbox(integral);
    expect(after.unread).toBe(box.unread - 1);
    expect(after.items.find((n: { id: number }) => n.id === id).readAt).not.toBeNull();
    expect((await integral.request('GET', '/api/inbox?unread=true')).json().items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
  });

  it('marks all notifications of my organizations read at once', async () => {
    expect((await inbox(milandr)).unread).toBeGreaterThanOrEqual(1);
    const integralUnread = (await inbox(integral)).unread;
    expect((await milandr.request('POST', `/api/inbox/read-all?organizationId=${ids.integral}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/inbox/read-all' })).statusCode).toBe(401);
    const res = await milandr.request('POST', '/api/inbox/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().marked).toBeGreaterThanOrEqual(1);
    expect((await inbox(milandr)).unread).toBe(0);
    expect((await milandr.request('POST', `/api/inbox/read-all?organizationId=${ids.milandr}`)).json()).toEqual({ marked: 0 });
    // another organization's notifications stay as they were
    expect((await inbox(integral)).unread).toBe(integralUnread);
  });

  it('hides the buyer of an anonymous demand from all but its members and operators', async () => {
    anonymousId = (await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 10, visibility: 'anonymous' }))
      .id;
    for (const viewer of [stranger, integral]) {
      const d = (await viewer.request('GET', `/api/demands/${anonymousId}`)).json();
      expect(d.buyer).toBeNull();
      expect(d.buyerHidden).toBe(true);
      expect(JSON.stringify(d)).not.toContain('Белорусский');
    }
    const publicView = (await anon(`/api/demands/${anonymousId}`)).json();
    expect(publicView.buyer).toBeNull();
    const listed = (await anon('/api/demands?pageSize=200')).json();
    expect(listed.items.find((d: { id: number }) => d.id === anonymousId).buyer).toBeNull();
    expect(JSON.stringify(listed.items.filter((d: { id: number }) => d.id === anonymousId))).not.toContain('Белорусский');
    expect((await buyer.request('GET', `/api/demands/${anonymousId}`)).json().buyer.id).toBe(ids.buyer);
    expect((await operatorBy.request('GET', `/api/demands/${anonymousId}`)).json().buyer.id).toBe(ids.buyer);
    // nor does the producer's notification name the buyer
    const n = (await inbox(integral)).items.find((x: { demandId: number }) => x.demandId === anonymousId);
    expect(n.payload.demand.buyer).toBeNull();
  });

  it('shows registered-only demand to signed-in users', async () => {
    registeredId = (
      await post(buyer, '/api/demands', {
        buyerOrganizationId: ids.buyer,
        description: 'Изолятор цифровой двухканальный',
        categoryCode: 'microelectronics',
        quantityPerYear: 500,
        visibility: 'registered',
      })
    ).id;
    expect((await anon('/api/demands?pageSize=200')).json().items.map((d: { id: number }) => d.id)).not.toContain(registeredId);
    expect((await anon(`/api/demands/${registeredId}`)).statusCode).toBe(401);
    expect((await stranger.request('GET', '/api/demands?pageSize=200')).json().items.map((d: { id: number }) => d.id)).toContain(registeredId);
  });

  it('lists with filters and pagination', async () => {
    const ids_ = async (client: Client, query: string) => (await client.request('GET', `/api/demands?${query}`)).json().items.map((d: { id: number }) => d.id);
    expect(await ids_(stranger, 'partNumber=sn-74hc00n')).toEqual([anonymousId, publicId]);
    expect(await ids_(stranger, 'region=BY-MI')).toEqual([publicId]);
    expect(await ids_(stranger, 'category=microelectronics')).toEqual([registeredId]);
    expect(await ids_(stranger, 'category=no-such-category')).toEqual([]);
    expect(await ids_(stranger, 'mine=true')).toEqual([]);
    expect(await ids_(buyer, 'mine=true')).toEqual([registeredId, anonymousId, publicId]);
    expect(await ids_(integral, 'matched=true')).toEqual([anonymousId, publicId]);
    const page = (await stranger.request('GET', '/api/demands?pageSize=2&page=2&order=asc')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((d: { id: number }) => d.id)).toEqual([registeredId]);
    expect((await anon('/api/demands?status=sold')).statusCode).toBe(400);
    expect((await anon('/api/demands?region=Minsk')).statusCode).toBe(400);
  });

  it('is closed by the buyer only', async () => {
    expect((await integral.request('POST', `/api/demands/${registeredId}/close`)).statusCode).toBe(403);
    const closed = await buyerManager.request('POST', `/api/demands/${registeredId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().closedAt).not.toBeNull();
    expect((await buyer.request('PUT', `/api/demands/${registeredId}`, { description: 'x', quantityPerYear: 1 })).statusCode).toBe(409);
    expect((await stranger.request('GET', '/api/demands?status=closed')).json().items.map((d: { id: number }) => d.id)).toEqual([registeredId]);
  });
});

describe('demand from a BOM analysis and re-matching after catalogue changes', () => {
  let analysisId: string;
  let isolatorDemandId: number;

  it('turns not covered lines into demand once per line, quantity × boards per year', async () => {
    const res = await buyer.request('POST', '/api/bom/analyses', {
      name: 'controller-board',
      lines: [
        { partNumber: 'SN74HC00N', quantity: 2, designators: 'U1, U2' },
        { partNumber: 'ADUM1201ARZ', quantity: 3, designators: 'U3-U5' },
        { partNumber: 'NOPE-XYZ-000', designators: 'U7' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    analysisId = res.json().id;
    const statuses = res.json().lines.map((l: { status: string }) => l.status);
    expect(statuses).toEqual(['covered', 'not_covered', 'not_covered']);

    const url = `/api/bom/analyses/${analysisId}/demands`;
    expect((await stranger.request('POST', url, { buyerOrganizationId: ids.other })).statusCode).toBe(403);
    expect((await buyer.request('POST', url, { buyerOrganizationId: ids.other })).statusCode).toBe(403);
    const covered = await buyer.request('POST', url, { buyerOrganizationId: ids.buyer, positions: [1] });
    expect(covered.statusCode).toBe(400);
    expect(covered.json().message).toContain('covered');
    const one = await buyer.request('POST', url, { buyerOrganizationId: ids.buyer, positions: [2], boardsPerYear: 1000, visibility: 'registered' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ created: 1, existing: 0 });
    isolatorDemandId = one.json().demandIds[0];
    const all = (await buyer.request('POST', url, { buyerOrganizationId: ids.buyer, boardsPerYear: 1000 })).json();
    expect(all).toMatchObject({ created: 1, existing: 1 });
    const again = (await buyer.request('POST', url, { buyerOrganizationId: ids.buyer, boardsPerYear: 1000 })).json();
    expect(again).toMatchObject({ created: 0, existing: 2 });
    const d = (await buyer.request('GET', `/api/demands/${isolatorDemandId}`)).json();
    expect(d).toMatchObject({ partNumber: 'ADUM1201ARZ', quantityPerYear: 3000, visibility: 'registered', bomSource: { analysisId, position: 2 } });
    expect(d.matches).toEqual([]);
    const other = (await buyer.request('GET', `/api/demands/${all.demandIds.find((x: number) => x !== isolatorDemandId)}`)).json();
    expect(other.quantityPerYear).toBe(1000);
    expect((await stranger.request('GET', `/api/demands/${isolatorDemandId}`)).json().bomSource).toBeNull();
  });

  it('matches open demand again when an analog appears, notifying the new maker once', async () => {
    await t.services.exchangeWorker.runOnce();
    const before = (await inbox(milandr)).items.filter((n: { demandId: number }) => n.demandId === isolatorDemandId);
    expect(before).toHaveLength(0);
    await post(milandr, '/api/analogs', { productTypeId: ids.ptMilandrIsolator, foreignPartNumber: 'ADuM1201', type: 'functional', source: 'Миландр' });
    const run = await t.services.exchangeWorker.runOnce();
    expect(run.rematched).toBeGreaterThanOrEqual(1);
    const after = (await inbox(milandr)).items.filter((n: { demandId: number }) => n.demandId === isolatorDemandId);
    expect(after).toHaveLength(1);
    expect(after[0].payload.productTypes[0]).toMatchObject({ id: ids.ptMilandrIsolator, designation: '5559ИН13' });
    expect((await t.services.exchangeWorker.runOnce()).rematched).toBe(0);
    await t.services.exchangeWorker.runOnce(); // nothing changed: no second notification either
    expect((await inbox(milandr)).items.filter((n: { demandId: number }) => n.demandId === isolatorDemandId)).toHaveLength(1);
    const d = (await buyer.request('GET', `/api/demands/${isolatorDemandId}`)).json();
    expect(d.matches).toEqual([expect.objectContaining({ organization: expect.objectContaining({ id: ids.milandr }), analogType: 'functional' })]);
  });

  it('keeps one match per product type when several of its foreign parts match', async () => {
    await post(admin, '/api/analogs', { productTypeId: ids.ptIntegral, foreignPartNumber: 'SN74HC00', type: 'partial', source: 'catalogue' });
    expect((await t.services.exchangeWorker.runOnce()).rematched).toBeGreaterThanOrEqual(2);
    const open = (await buyer.request('GET', '/api/demands?mine=true&partNumber=SN74HC00N&status=open')).json().items;
    for (const { id } of open) {
      const matches = (await buyer.request('GET', `/api/demands/${id}`)).json().matches as { productType: { id: number }; analogType: string }[];
      expect(matches.filter((m) => m.productType.id === ids.ptIntegral)).toEqual([expect.objectContaining({ analogType: 'full' })]);
    }
  });
});

describe('webhooks', () => {
  it('are set by managers only, and never show the secret', async () => {
    const url = `/api/organizations/${ids.integral}/webhook`;
    expect((await integral.request('PUT', url, { url: hookUrl })).statusCode).toBe(403);
    expect((await stranger.request('GET', url)).statusCode).toBe(403);
    expect((await integralManager.request('PUT', url, { url: 'ftp://example.com/x' })).statusCode).toBe(400);
    expect((await integralManager.request('PUT', url, { url: hookUrl, secret: 'short' })).statusCode).toBe(400);
    const generated = await integralManager.request('PUT', url, { url: hookUrl });
    expect(generated.statusCode, generated.body).toBe(200);
    expect(generated.json().secret).toMatch(/^whsec_/);
    const set = await integralManager.request('PUT', url, { url: hookUrl, secret: 'integral-webhook-secret-0001' });
    expect(set.json()).toMatchObject({ configured: true, url: hookUrl, active: true, secretHint: '…0001' });
    expect(set.json().secret).toBeUndefined();
    expect(JSON.stringify((await integralManager.request('GET', url)).json())).not.toContain('integral-webhook-secret');
    expect((await admin.request('GET', `/api/organizations/${ids.milandr}/webhook`)).json()).toMatchObject({ configured: false });
  });

  it('go to public addresses only unless the server allows private ones', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost:8080/',
      'http://[::1]/',
      'http://169.254.169.254/latest',
      'https://10.0.0.5/',
      'http://[::ffff:192.168.1.1]/',
    ])
      expect(await webhookTargetProblem(url, false), url).toMatch(/loopback, private, link-local/);
    expect(await webhookTargetProblem('https://93.184.216.34/hook', false)).toBeNull();
    expect(await webhookTargetProblem('http://127.0.0.1:9/x', true)).toBeNull();
    expect(await webhookTargetProblem('ftp://127.0.0.1/', true)).toContain('https://');
  });

  it('deliver notifications signed with HMAC-SHA256 and a timestamp', async () => {
    received.length = 0;
    const demand = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 7, region: 'BY-BR' });
    const log = (await integralManager.request('GET', `/api/organizations/${ids.integral}/webhook/deliveries`)).json();
    expect(log.items[0]).toMatchObject({ event: 'demand.matched', status: 'pending', attempts: 0 });
    const run = await t.services.exchangeWorker.runOnce();
    expect(run.delivered).toBe(1);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0];
    const signed = { timestamp: headers['x-reestr-timestamp'] as string, signature: headers['x-reestr-signature'] as string };
    expect(verifyDelivery('integral-webhook-secret-0001', signed, body)).toBe(true);
    // the timestamp is signed with the body: another timestamp does not verify
    expect(verifyDelivery('integral-webhook-secret-0001', { ...signed, timestamp: String(Number(signed.timestamp) - 1) }, body)).toBe(false);
    expect(headers['x-reestr-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Math.abs(Number(headers['x-reestr-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers['x-reestr-event']).toBe('demand.matched');
    expect(JSON.parse(body)).toMatchObject({ event: 'demand.matched', organizationId: ids.integral, data: { demand: { id: demand.id, region: 'BY-BR' } } });
    const after = (await integralManager.request('GET', `/api/organizations/${ids.integral}/webhook/deliveries?status=delivered`)).json();
    expect(after.items[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect((await t.services.exchangeWorker.runOnce()).delivered).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('retry failures after 1 min, 5 min, 30 min, 2 h and 12 h, then give up', async () => {
    received.length = 0;
    hookStatus = 500;
    await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 8 });
    const worker = t.services.exchangeWorker;
    const start = Date.now();
    const latest = async () => (await integralManager.request('GET', `/api/organizations/${ids.integral}/webhook/deliveries`)).json().items[0];
    expect((await worker.runOnce(new Date(start))).retrying).toBe(1);
    let d = await latest();
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(new Date(d.nextAttemptAt).getTime() - start).toBe(60_000);
    // not due yet
    expect((await worker.runOnce(new Date(start + 30_000))).retrying).toBe(0);
    let at = start;
    for (const [i, wait] of [1, 5, 30, 120].entries()) {
      at += wait * 60_000;
      expect((await worker.runOnce(new Date(at))).retrying, `attempt ${i + 2}`).toBe(1);
    }
    d = await latest();
    expect(d.attempts).toBe(5);
    expect(new Date(d.nextAttemptAt).getTime() - at).toBe(720 * 60_000);
    at += 720 * 60_000;
    expect((await worker.runOnce(new Date(at))).failed).toBe(1);
    d = await latest();
    expect(d).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    expect(received).toHaveLength(6);
    expect((await worker.runOnce(new Date(at + 86_400_000))).failed).toBe(0);
    hookStatus = 200;
    expect((await integral.request('GET', `/api/organizations/${ids.integral}/webhook/deliveries`)).statusCode).toBe(403);
  });

  it('connect only to addresses that passed the check: a name that turns private after it is refused (DNS rebinding)', async () => {
    received.length = 0;
    const port = (hookServer.address() as AddressInfo).port;
    const repo = new ExchangeRepository(t.db.kysely, t.db.dialect);
    const hookSettings = `/api/organizations/${ids.integral}/webhook`;
    const latest = async () => (await integralManager.request('GET', `${hookSettings}/deliveries`)).json().items[0];
    const lookups: string[] = [];

    // a name resolved by the connection's own lookup reaches the receiver (the server allows private addresses)
    const local = new WebhookService(repo, {
      allowPrivate: true,
      resolve: async (host) => (lookups.push(host), [{ address: '127.0.0.1', family: 4 }]),
    });
    expect((await integralManager.request('PUT', hookSettings, { url: `http://receiver.test:${port}/hooks/reestr` })).statusCode).toBe(200);
    await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 9 });
    expect(await local.deliverDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(lookups).toContain('receiver.test');

    // public for every check, the receiver's loopback address for every connection
    let calls = 0;
    const rebinding = new WebhookService(repo, {
      allowPrivate: false,
      resolve: async () => [{ address: calls++ % 2 === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }],
    });
    expect((await integralManager.request('PUT', hookSettings, { url: `http://rebinding.test:${port}/hooks/reestr` })).statusCode).toBe(200);
    await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 10 });
    let at = Date.now();
    expect((await rebinding.deliverDue(new Date(at))).retrying).toBe(1);
    expect(await latest()).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: expect.stringMatching(/at 127\.0\.0\.1, a loopback/),
    });
    for (const wait of [1, 5, 30, 120, 720]) {
      at += wait * 60_000;
      await rebinding.deliverDue(new Date(at));
    }
    expect(await latest()).toMatchObject({ status: 'failed', attempts: 6 });
    expect(calls).toBe(12); // each attempt: the check, then the connection's lookup
    expect(received).toHaveLength(1); // only the delivery above: no request reached the receiver
    expect((await integralManager.request('PUT', hookSettings, { url: hookUrl, secret: 'integral-webhook-secret-0001' })).statusCode).toBe(200);
  });

  it('count a receiver that does not answer in time as a failed attempt', async () => {
    const silent = http.createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const hookSettings = `/api/organizations/${ids.integral}/webhook`;
    try {
      const slow = new WebhookService(new ExchangeRepository(t.db.kysely, t.db.dialect), { allowPrivate: true, timeoutMs: 300 });
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hooks/reestr`;
      expect((await integralManager.request('PUT', hookSettings, { url })).statusCode).toBe(200);
      await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 11 });
      const started = Date.now();
      expect(await slow.deliverDue(new Date(started))).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      expect(Date.now() - started).toBeLessThan(5000);
      const d = (await integralManager.request('GET', `${hookSettings}/deliveries`)).json().items[0];
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, lastError: 'no answer within 0.3 s' });
      // the later attempts time out too, and the delivery ends failed (nothing left due for the tests after this one)
      let at = started;
      for (const wait of [1, 5, 30, 120, 720]) await slow.deliverDue(new Date((at += wait * 60_000)));
      expect((await integralManager.request('GET', `${hookSettings}/deliveries`)).json().items[0]).toMatchObject({ status: 'failed', attempts: 6 });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
      expect((await integralManager.request('PUT', hookSettings, { url: hookUrl, secret: 'integral-webhook-secret-0001' })).statusCode).toBe(200);
    }
  });
});

describe('offers and contracts', () => {
  let demandId: number;
  let integralOffer: number;
  let milandrOffer: number;
  let contractId: number;

  beforeAll(async () => {
    demandId = (await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, partNumber: 'SN74HC00N', quantityPerYear: 20000, visibility: 'anonymous' }))
      .id;
  });

  it('are made by the maker’s members for its own product types', async () => {
    const offer = { productTypeId: ids.ptIntegral, price: 12.5, currency: 'BYN', leadTimeDays: 45, volume: 20000 };
    expect((await milandr.request('POST', `/api/demands/${demandId}/offers`, offer)).statusCode).toBe(403);
    expect((await buyer.request('POST', `/api/demands/${demandId}/offers`, offer)).statusCode).toBe(403);
    expect((await integral.request('POST', `/api/demands/${demandId}/offers`, { ...offer, currency: 'rubles' })).statusCode).toBe(400);
    expect((await integral.request('POST', `/api/demands/${demandId}/offers`, { ...offer, productTypeId: 987654 })).statusCode).toBe(400);
    const created = await post(integral, `/api/demands/${demandId}/offers`, offer);
    integralOffer = created.id;
    expect(created).toMatchObject({ status: 'open', price: 12.5, currency: 'BYN', producer: { id: ids.integral }, productType: { designation: 'IN74HC00AN' } });
    milandrOffer = (
      await post(milandr, `/api/demands/${demandId}/offers`, { productTypeId: ids.ptMilandr, price: 95, currency: 'RUB', leadTimeDays: 60, volume: 5000 })
    ).id;
    // the buyer is told, and sees both offers; each producer sees its own
    expect((await inbox(buyer)).items.filter((n: { kind: string; demandId: number }) => n.kind === 'offer.received' && n.demandId === demandId)).toHaveLength(
      2,
    );
    expect((await buyer.request('GET', `/api/demands/${demandId}/offers`)).json()).toHaveLength(2);
    expect((await integral.request('GET', `/api/demands/${demandId}/offers`)).json().map((o: { id: number }) => o.id)).toEqual([integralOffer]);
    expect((await stranger.request('GET', `/api/demands/${demandId}/offers`)).json()).toEqual([]);
    expect((await stranger.request('GET', `/api/offers/${integralOffer}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/offers/${integralOffer}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/demands/${demandId}` })).json().offerCount).toBe(2);
  });

  it('are accepted by the buyer only, making a contract and a substitution', async () => {
    expect((await integral.request('POST', `/api/offers/${integralOffer}/accept`, {})).statusCode).toBe(403);
    expect((await stranger.request('POST', `/api/offers/${integralOffer}/accept`, {})).statusCode).toBe(403);
    const res = await buyer.request('POST', `/api/offers/${integralOffer}/accept`, { contractDate: '2026-11-20' });
    expect(res.statusCode, res.body).toBe(201);
    const contract = res.json();
    contractId = contract.id;
    expect(contract).toMatchObject({
      offerId: integralOffer,
      demandId,
      buyer: { id: ids.buyer },
      producer: { id: ids.integral },
      productType: { id: ids.ptIntegral },
      volume: 20000,
      price: 12.5,
      sum: 250000,
      currency: 'BYN',
      contractDate: '2026-11-20',
      substitution: { foreignPartNumber: 'SN74HC00N', productTypeId: ids.ptIntegral },
    });
    expect(contract.substitution.foreignPartId).toBeGreaterThan(0);
    expect((await buyer.request('POST', `/api/offers/${integralOffer}/accept`, {})).statusCode).toBe(409);
    // the other offer stays open
    expect((await milandr.request('GET', `/api/offers/${milandrOffer}`)).json().status).toBe('open');
    expect(
      (await inbox(integral)).items.find((n: { kind: string; offerId: number }) => n.kind === 'offer.accepted' && n.offerId === integralOffer),
    ).toBeTruthy();
  });

  it('are seen only by their parties, operators of their countries and admins', async () => {
    for (const [client, status] of [
      [buyer, 200],
      [integral, 200],
      [operatorBy, 200],
      [admin, 200],
      [stranger, 403],
      [milandr, 403],
      [operatorKz, 403],
    ] as const)
      expect((await client.request('GET', `/api/contracts/${contractId}`)).statusCode).toBe(status);
    expect((await t.app.inject({ method: 'GET', url: `/api/contracts/${contractId}` })).statusCode).toBe(401);
    const list = async (client: Client) => (await client.request('GET', '/api/contracts')).json().items.map((c: { id: number }) => c.id);
    expect(await list(buyer)).toEqual([contractId]);
    expect(await list(integral)).toEqual([contractId]);
    expect(await list(operatorBy)).toEqual([contractId]);
    expect(await list(stranger)).toEqual([]);
    expect(await list(milandr)).toEqual([]);
    // the producer of the accepted offer now knows the buyer through the contract; the demand stays anonymous
    expect((await milandr.request('GET', `/api/demands/${demandId}`)).json().buyer).toBeNull();
  });

  it('give a sum as agreed, decline with a reason, and lapse when the demand closes', async () => {
    const second = (
      await post(integral, `/api/demands/${demandId}/offers`, { productTypeId: ids.ptIntegral, price: 0.1, currency: 'USD', leadTimeDays: 10, volume: 3 })
    ).id;
    const third = (
      await post(integral, `/api/demands/${demandId}/offers`, { productTypeId: ids.ptIntegral, price: 1, currency: 'USD', leadTimeDays: 10, volume: 1 })
    ).id;
    await post(buyer, `/api/offers/${second}/accept`, {});
    const accepted = (await buyer.request('GET', '/api/contracts')).json().items.find((x: { offerId: number }) => x.offerId === second);
    expect(accepted.sum).toBe(0.3);
    expect((await milandr.request('POST', `/api/offers/${milandrOffer}/decline`, { reason: 'x' })).statusCode).toBe(403);
    const declined = await buyer.request('POST', `/api/offers/${milandrOffer}/decline`, { reason: 'lead time too long' });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionNote: 'lead time too long' });
    expect((await inbox(milandr)).items.find((n: { kind: string; offerId: number }) => n.kind === 'offer.declined' && n.offerId === milandrOffer)).toBeTruthy();
    expect((await buyer.request('POST', `/api/offers/${milandrOffer}/accept`, {})).statusCode).toBe(409);
    await buyer.request('POST', `/api/demands/${demandId}/close`);
    expect((await integral.request('GET', `/api/offers/${third}`)).json().status).toBe('lapsed');
    expect(
      (
        await integral.request('POST', `/api/demands/${demandId}/offers`, {
          productTypeId: ids.ptIntegral,
          price: 1,
          currency: 'USD',
          leadTimeDays: 1,
          volume: 1,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('cannot be made to one’s own demand', async () => {
    const own = (await post(integral, '/api/demands', { buyerOrganizationId: ids.integral, partNumber: 'NE555P', quantityPerYear: 1 })).id;
    const res = await integral.request('POST', `/api/demands/${own}/offers`, {
      productTypeId: ids.ptIntegral,
      price: 1,
      currency: 'BYN',
      leadTimeDays: 1,
      volume: 1,
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('demand named by a description or a category', () => {
  let ptIsolator: number;
  let ptNand: number;

  beforeAll(async () => {
    ptIsolator = (
      await post(admin, '/api/product-types', {
        designation: '1ИН021',
        makerId: ids.milandr,
        categoryCode: 'microelectronics',
        functionRu: 'Цифровой изолятор двухканальный',
      })
    ).id;
    ptNand = (await post(admin, '/api/product-types', { designation: 'ИН1564ЛА3', makerId: ids.integral, categoryCode: 'logic-nand' })).id;
  });

  it('matches a description through the full-text search, within its category when it names one', async () => {
    const d = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, description: 'цифровые изоляторы', quantityPerYear: 40 });
    expect(d.matches).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ id: ids.milandr }),
        productType: { id: ptIsolator, designation: '1ИН021' },
        analogType: 'text',
      }),
    ]);
    const n = (await inbox(milandr)).items.find((x: { kind: string; demandId: number }) => x.kind === 'demand.matched' && x.demandId === d.id);
    expect(n.payload.productTypes).toEqual([expect.objectContaining({ id: ptIsolator })]);
    const outside = await post(buyer, '/api/demands', {
      buyerOrganizationId: ids.buyer,
      description: 'цифровые изоляторы',
      categoryCode: 'logic',
      quantityPerYear: 40,
    });
    expect(outside.matches).toEqual([]);
  });

  it('matches a category to the makers of product types in it and its sub-categories', async () => {
    const d = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, categoryCode: 'logic', quantityPerYear: 1000 });
    expect(d.matches).toContainEqual(
      expect.objectContaining({
        organization: expect.objectContaining({ id: ids.integral }),
        productType: expect.objectContaining({ id: ptNand }),
        tier: 'category',
      }),
    );
    expect(d.matches.every((m: { analogType: string }) => m.analogType === 'category')).toBe(true);
    expect(d.matches.map((m: { productType: { id: number } }) => m.productType.id)).not.toContain(ptIsolator);
    expect((await inbox(integral)).items.filter((x: { demandId: number }) => x.demandId === d.id)).toHaveLength(1);
  });

  it('matches them again when the catalogue changes', async () => {
    const d = await post(buyer, '/api/demands', { buyerOrganizationId: ids.buyer, categoryCode: 'flip-flops', quantityPerYear: 10 });
    expect(d.matches).toEqual([]);
    await post(admin, '/api/product-types', { designation: 'КР1564ТМ2', makerId: ids.milandr, categoryCode: 'flip-flops-d' });
    expect((await t.services.exchangeWorker.runOnce()).rematched).toBeGreaterThanOrEqual(1);
    const after = (await buyer.request('GET', `/api/demands/${d.id}`)).json();
    expect(after.matches.map((m: { organization: { id: number } }) => m.organization.id)).toEqual([ids.milandr]);
  });
});
