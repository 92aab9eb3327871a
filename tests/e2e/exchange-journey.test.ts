/**
 * The demand exchange in real Chromium: a buyer posts demand for an imported part; the producer of its analog
 * sees the match in its inbox (unread count on the user button), offers its product type; the buyer accepts;
 * the contract records the substitution; the producer's manager sets a webhook and sees its secret once.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useJourney } from '../support/browser';
import { E2E_ADMIN } from '../support/server';
import { signedInApi } from '../support/http';

const journey = useJourney({ acceptDownloads: true });
const page = () => journey().page;
const url = (path: string) => new URL(path, journey().server.url).toString();
const PASSWORD = 'exchange-journey-password';
const suffix = Date.now().toString().slice(-6);
const PART = `XJ74HC${suffix}N`;
const DESIGNATION = `КР1564ЛА${suffix}`;
const BUYER = `buyer.${suffix}@e2e.reestr`;
const PRODUCER = `producer.${suffix}@e2e.reestr`;
const PROGRAMME = `Развитие электронной компонентной базы ${suffix}`;
const state = { buyerId: 0, producerId: 0, productTypeId: 0, demandId: 0, contractId: 0, substitutedBefore: 0, contractsBefore: 0 };

/** The producer's ERP: a local receiver of webhooks (the journey's server allows private addresses). */
const received: { event: string | undefined; signature: string | undefined }[] = [];
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received.push({ event: req.headers['x-reestr-event'] as string | undefined, signature: req.headers['x-reestr-signature'] as string | undefined });
    res.end('ok');
  });
});
const hookUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/reestr`;

/** Polls long enough for a machine busy with other work (the default second is short for a first page load). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const signedIn = (email: string, password: string) => signedInApi(journey().server.url, email, password);

async function signInInBrowser(email: string, next: string, password = PASSWORD) {
  await page().goto(url(`/login?next=${encodeURIComponent(next)}`));
  await page().getByTestId('login-email').fill(email);
  await page().getByTestId('login-password').fill(password);
  await page().getByTestId('login-submit').click();
  await poll(() => page().getByTestId('user-menu').count()).toBe(1);
}

async function signOut() {
  await page().getByTestId('user-menu').click();
  await page().getByTestId('sign-out').click();
  await poll(() => page().getByTestId('sign-in-link').count()).toBe(1);
}

afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const admin = await signedIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const buyer = await admin<{ id: number }>('POST', '/api/organizations', { name: `ОАО «Завод-покупатель ${suffix}»`, country: 'BY', region: 'BY-MI' });
  const producer = await admin<{ id: number }>('POST', '/api/organizations', { name: `АО «Производитель ${suffix}»`, country: 'RU', region: 'RU-MOW' });
  const product = await admin<{ id: number }>('POST', '/api/product-types', { designation: DESIGNATION, makerId: producer.id });
  await admin('POST', '/api/analogs', { productTypeId: product.id, foreignPartNumber: PART, type: 'full', source: 'datasheet' });
  await admin('POST', '/api/users', { email: BUYER, name: 'Снабженец', role: 'user', password: PASSWORD });
  await admin('POST', `/api/organizations/${buyer.id}/members`, { email: BUYER, role: 'member' });
  await admin('POST', '/api/users', { email: PRODUCER, name: 'Сбыт', role: 'user', password: PASSWORD });
  await admin('POST', `/api/organizations/${producer.id}/members`, { email: PRODUCER, role: 'manager' });
  await admin('POST', '/api/programmes', {
    name: PROGRAMME,
    state: 'RU',
    ownerBody: 'Минпромторг России',
    yearFrom: 2025,
    yearTo: 2030,
    organizationIds: [producer.id],
    productTypeIds: [product.id],
  });
  const dashboard = (await (await fetch(url('/api/dashboard/exchange'))).json()) as { totals: { substitutedTypes: number; contracts: number } };
  Object.assign(state, {
    buyerId: buyer.id,
    producerId: producer.id,
    productTypeId: product.id,
    substitutedBefore: dashboard.totals.substitutedTypes,
    contractsBefore: dashboard.totals.contracts,
  });
});

describe('exchange journey', () => {
  it('a buyer posts demand for an imported part and sees the producer of its analog matched', async () => {
    await signInInBrowser(BUYER, '/');
    await page().getByTestId('nav-exchange').click();
    await page().getByTestId('demand-new-link').click();
    await page().getByTestId('demand-part-number').fill(PART.toLowerCase());
    await page().getByTestId('demand-quantity').fill('120000');
    await page().getByTestId('demand-needed-by').fill('2027-06-01');
    await page().getByTestId('demand-region').fill('by-mi');
    await page().getByTestId('demand-visibility-anonymous').check();
    await page().getByTestId('demand-submit').click();
    await poll(() => new URL(page().url()).pathname).toMatch(/^\/exchange\/demands\/\d+$/);
    state.demandId = Number(new URL(page().url()).pathname.split('/').pop());
    await poll(() => page().getByTestId('demand').getAttribute('data-status')).toBe('open');
    await poll(() => page().getByTestId('demand-visibility').getAttribute('data-visibility')).toBe('anonymous');
    // the buyer sees its own name; the match is the producer's analog
    await poll(() => page().getByTestId('demand-buyer').innerText()).toContain('Завод-покупатель');
    const match = page().locator(`[data-testid="match-row"][data-organization="${state.producerId}"]`);
    await poll(() => match.count()).toBe(1);
    await poll(() => match.innerText()).toContain(DESIGNATION);
    // and finds it among its own demand
    await page().getByTestId('exchange-nav-demands').click();
    await page().getByTestId('demands-scope').getByText('Мои').click();
    await poll(() => page().locator(`[data-testid="demand-row"][data-id="${state.demandId}"]`).count()).toBe(1);
    await signOut();
  });

  it('the producer sees the match in its inbox and offers its product type', async () => {
    await signInInBrowser(PRODUCER, '/');
    await poll(() => page().getByTestId('user-unread').getAttribute('data-count')).toBe('1');
    await page().getByTestId('user-menu').click();
    await page().getByTestId('nav-inbox').click();
    const item = page().locator(`[data-testid="inbox-item"][data-demand="${state.demandId}"][data-kind="demand.matched"]`);
    await poll(() => item.getAttribute('data-read')).toBe('false');
    await poll(() => item.innerText()).toContain(DESIGNATION);
    // anonymous demand: the producer does not learn the buyer's name
    await poll(() => item.innerText()).not.toContain('Завод-покупатель');
    await item.getByTestId('inbox-open').click();
    await poll(() => new URL(page().url()).pathname).toBe(`/exchange/demands/${state.demandId}`);
    await poll(() => page().getByTestId('demand-buyer-hidden').count()).toBe(1);
    await poll(() => page().getByTestId('user-unread').getAttribute('data-count')).toBe('0');

    await poll(() => page().getByTestId('offer-form').count()).toBe(1);
    await poll(() => page().getByTestId('offer-product-type').inputValue()).toContain(DESIGNATION);
    await page().getByTestId('offer-price').fill('0.85');
    await page().getByTestId('offer-currency').click();
    await page().getByRole('option', { name: 'RUB', exact: true }).click();
    await page().getByTestId('offer-lead-time').fill('45');
    await page().getByTestId('offer-volume').fill('100000');
    await page().getByTestId('offer-submit').click();
    await poll(() => page().getByTestId('offer-sent').count()).toBe(1);
    const row = page().getByTestId('offer-row');
    await poll(() => row.count()).toBe(1);
    await poll(() => row.getAttribute('data-status')).toBe('open');
    await poll(() => row.innerText()).toContain('RUB');
  });

  it('the producer’s manager sets a webhook and sees its secret once', async () => {
    await page().getByTestId('exchange-nav-webhooks').click();
    await poll(() => page().getByTestId('webhook-form').getAttribute('data-configured')).toBe('false');
    await page().getByTestId('webhook-url').fill(hookUrl());
    await page().getByTestId('webhook-save').click();
    await poll(() => page().getByTestId('webhook-secret-value').innerText()).toMatch(/^\S{16,}$/);
    await poll(() => page().getByTestId('webhook-form').getAttribute('data-configured')).toBe('true');
    await page().reload();
    await poll(() => page().getByTestId('webhook-secret-hint').count()).toBe(1);
    await poll(() => page().getByTestId('webhook-secret').count()).toBe(0);
    await signOut();
  });

  it('the buyer reads the offer in its inbox, accepts it, and the contract records the substitution', async () => {
    await signInInBrowser(BUYER, '/exchange/inbox');
    const item = page().locator(`[data-testid="inbox-item"][data-demand="${state.demandId}"][data-kind="offer.received"]`);
    await poll(() => item.count()).toBe(1);
    await poll(() => item.innerText()).toContain(DESIGNATION);
    await item.getByTestId('inbox-open').click();
    const row = page().getByTestId('offer-row');
    await poll(() => row.getAttribute('data-status')).toBe('open');
    await row.getByTestId('offer-accept').click();
    await poll(() => page().getByTestId('accept-volume').inputValue()).toMatch(/^100\s?000$/);
    await page().getByTestId('accept-submit').click();
    await poll(() => new URL(page().url()).pathname).toMatch(/^\/exchange\/contracts\/\d+$/);
    state.contractId = Number(new URL(page().url()).pathname.split('/').pop());
    await poll(() => page().getByTestId('contract-sum').innerText()).toMatch(/85\s?000[,.]00/);
    await poll(() => page().getByTestId('contract-substitution').innerText()).toContain(PART.toLowerCase());
    await poll(() => page().getByTestId('contract-substitution').innerText()).toContain(DESIGNATION);
    await page().getByTestId('exchange-nav-contracts').click();
    await poll(() => page().locator(`[data-testid="contract-row"][data-id="${state.contractId}"]`).count()).toBe(1);
    await signOut();
  });

  it('the public dashboard counts one more substituted type and offers its figures for download', async () => {
    await page().goto(url('/exchange'));
    await page().getByTestId('exchange-nav-dashboard').click();
    await poll(() => page().getByTestId('dashboard-substituted').innerText()).toBe(String(state.substitutedBefore + 1));
    await poll(() => page().getByTestId('dashboard-contracts').innerText()).toBe(String(state.contractsBefore + 1));
    // the buyer's country and region are among the groups
    await page().getByTestId('dashboard-country').click();
    await page().getByRole('option', { name: 'Беларусь', exact: true }).click();
    await poll(() => new URL(page().url()).searchParams.get('country')).toBe('BY');
    await poll(async () => Number(await page().getByTestId('dashboard-chart-region').getAttribute('data-groups'))).toBeGreaterThanOrEqual(1);
    await poll(() => page().getByTestId('dashboard-sums').innerText()).toContain('RUB');
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('dashboard-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync((await download.path())!, 'utf8').length).toBeGreaterThan(0);
  });

  it('the producer hears of the acceptance in its inbox and through its webhook, logged as delivered', async () => {
    await signInInBrowser(PRODUCER, '/exchange/inbox');
    const item = page().locator(`[data-testid="inbox-item"][data-demand="${state.demandId}"][data-kind="offer.accepted"]`);
    await poll(() => item.getAttribute('data-read')).toBe('false');
    await page().getByTestId('inbox-mark-all').click();
    await poll(() => item.getAttribute('data-read')).toBe('true');
    await poll(() => page().getByTestId('inbox-unread').getAttribute('data-count')).toBe('0');
    await poll(() => page().getByTestId('user-unread').getAttribute('data-count')).toBe('0');
    // the server's worker sends due deliveries every few seconds; the log refreshes itself
    await page().getByTestId('exchange-nav-webhooks').click();
    const delivered = page().locator('[data-testid="delivery-row"][data-status="delivered"]');
    await expect.poll(() => delivered.count(), { timeout: 45_000 /* the worker's round */ }).toBeGreaterThanOrEqual(1);
    expect(received.some((r) => r.event === 'offer.accepted' && r.signature?.startsWith('sha256='))).toBe(true);
    await signOut();
  });

  it('the contract made a cooperation tie, drawn for the organization and for its region', async () => {
    await page().goto(url(`/exchange/cooperation/${state.buyerId}`));
    const tie = page().locator(`[data-testid="tie-row"][data-source="contract"]`);
    await poll(() => tie.count()).toBe(1);
    await poll(() => tie.getAttribute('data-kind')).toBe('supplier');
    await poll(() => tie.innerText()).toContain(DESIGNATION);
    await poll(() => page().getByTestId('cooperation-graph').getAttribute('data-edges')).toBe('1');
    await poll(() => page().getByTestId('graph-node').count()).toBe(2);
    await page().getByTestId('cooperation-region-link').click();
    await poll(() => new URL(page().url()).search).toBe('?region=BY-MI');
    await poll(() => page().locator(`[data-testid="graph-node"][data-id="${state.producerId}"]`).count()).toBe(1);
    // a click on an organization opens its own ties
    await page().locator(`[data-testid="graph-node"][data-id="${state.producerId}"]`).click();
    await poll(() => page().getByTestId('organization-cooperation').getAttribute('data-id')).toBe(String(state.producerId));
    await poll(() => page().locator('[data-testid="tie-row"]').getAttribute('data-kind')).toBe('customer');
  });

  it('anyone finds the state-support programmes of a state for a year and downloads the list', async () => {
    await page().goto(url('/exchange'));
    await page().getByTestId('exchange-nav-programmes').click();
    await page().getByTestId('programmes-filter-state').click();
    await page().getByRole('option', { name: 'Россия', exact: true }).click();
    await page().getByTestId('programmes-filter-year').click();
    await page().getByRole('option', { name: '2027', exact: true }).click();
    await poll(() => new URL(page().url()).searchParams.get('year')).toBe('2027');
    const card = page().locator('[data-testid="programme"][data-state="RU"]', { hasText: PROGRAMME });
    await poll(() => card.count()).toBe(1);
    await poll(() => card.innerText()).toContain(DESIGNATION);
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('programmes-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(fs.readFileSync((await download.path())!, 'utf8')).toContain(PROGRAMME);
  });

  it('a buyer turns the not covered lines of its BOM analysis into demand in one step', async () => {
    const buyer = await signedIn(BUYER, PASSWORD);
    const analysis = await buyer<{ id: string }>('POST', '/api/bom/analyses', {
      name: `board-${suffix}`,
      lines: [
        { partNumber: PART, quantity: 1, designators: 'U1' },
        { partNumber: `NX${suffix}A`, quantity: 2, designators: 'U2, U3' },
        { partNumber: `NX${suffix}B`, quantity: 1, designators: 'U4' },
      ],
    });
    await signInInBrowser(BUYER, `/bom/${analysis.id}`);
    await page().getByTestId('bom-post-demand').click();
    await poll(() => page().getByTestId('bom-demand-submit').innerText()).toContain('2');
    await page().getByTestId('bom-demand-boards').fill('500');
    await page().getByTestId('bom-demand-submit').click();
    await poll(() => page().getByTestId('bom-demand-result').getAttribute('data-created')).toBe('2');
    await page().getByTestId('bom-demand-result').getByRole('link').click();
    await page().getByTestId('demands-filter-part').fill(`NX${suffix}A`);
    const row = page().getByTestId('demand-row');
    await poll(() => row.count()).toBe(1);
    await poll(() => row.innerText()).toMatch(/1\s?000/);
    await signOut();
  });

  it('an administrator adds a Union State programme with a participating organization', async () => {
    await signInInBrowser(E2E_ADMIN.email, '/exchange/programmes', E2E_ADMIN.password);
    await page().getByTestId('programme-add').click();
    await page().getByTestId('programme-name').fill(`Союзная программа ${suffix}`);
    await page().getByTestId('programme-state').click();
    await page().getByRole('option', { name: 'Союзное государство', exact: true }).click();
    await page().getByTestId('programme-owner').fill('Постоянный комитет Союзного государства');
    await page().getByTestId('programme-organizations').fill(`Завод-покупатель ${suffix}`);
    await page()
      .getByRole('option', { name: `ОАО «Завод-покупатель ${suffix}»` })
      .click();
    // the list stays open for more choices (over the buttons): Enter in the name field sends the form
    await page().getByTestId('programme-name').press('Enter');
    await poll(() => page().getByTestId('programme-form').count()).toBe(0);
    const card = page().locator('[data-testid="programme"][data-state="UNION"]', { hasText: `Союзная программа ${suffix}` });
    await poll(() => card.count()).toBe(1);
    await poll(() => card.innerText()).toContain(`Завод-покупатель ${suffix}`);
    await signOut();
  });

  it('a member records a co-development tie by hand and removes it again', async () => {
    await signInInBrowser(PRODUCER, `/exchange/cooperation/${state.producerId}`);
    await poll(() => page().getByTestId('tie-form').count()).toBe(1);
    await page().getByTestId('tie-partner').fill(`Завод-покупатель ${suffix}`);
    await page()
      .getByRole('option', { name: `ОАО «Завод-покупатель ${suffix}»` })
      .click();
    await page().getByTestId('tie-kind').click();
    await page().getByRole('option', { name: 'совместная разработка', exact: true }).click();
    await page().getByTestId('tie-submit').click();
    const manual = page().locator('[data-testid="tie-row"][data-source="manual"][data-kind="co-development"]');
    await poll(() => manual.count()).toBe(1);
    await poll(() => page().locator('[data-testid="graph-edge"][data-kind="co-development"]').count()).toBe(1);
    await manual.getByTestId('tie-delete').click();
    await poll(() => manual.count()).toBe(0);
    await signOut();
  });
});
