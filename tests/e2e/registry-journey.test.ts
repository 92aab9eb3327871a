/**
 * The registry in real Chromium: a producer applies for a product type made entirely in Russia and sees the
 * self-assessment give level 1, submits; a registry operator of Russia includes it from the review queue;
 * anyone verifies the number; the record page shows the history of decisions and the log proof.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useJourney } from '../support/browser';
import { E2E_ADMIN } from '../support/server';
import { signedInApi } from '../support/http';

const journey = useJourney({ acceptDownloads: true });
const page = () => journey().page;
const url = (path: string) => new URL(path, journey().server.url).toString();
const PASSWORD = 'registry-journey-password';
const suffix = Date.now().toString().slice(-6);
const DESIGNATION = `К1533ЛА3-Р${suffix}`;
const PRODUCER = `producer.${suffix}@e2e.reestr`;
const OPERATOR = `operator.ru.${suffix}@e2e.reestr`;
const state = { recordId: 0, number: '', organizationId: 0, productTypeId: 0 };

const signedIn = (email: string, password: string) => signedInApi(journey().server.url, email, password);

async function signInInBrowser(email: string, next: string, password = PASSWORD) {
  await page().goto(url(`/login?next=${encodeURIComponent(next)}`));
  await page().getByTestId('login-email').fill(email);
  await page().getByTestId('login-password').fill(password);
  await page().getByTestId('login-submit').click();
  await expect.poll(() => page().getByTestId('user-menu').count()).toBe(1);
}

async function signOut() {
  await page().getByTestId('user-menu').click();
  await page().getByTestId('sign-out').click();
  await expect.poll(() => page().getByTestId('sign-in-link').count()).toBe(1);
}

beforeAll(async () => {
  const admin = await signedIn(E2E_ADMIN.email, E2E_ADMIN.password);
  const org = await admin<{ id: number }>('POST', '/api/organizations', { name: `АО «Микрон-Тест ${suffix}»`, country: 'RU', inn: `77${suffix}01` });
  const product = await admin<{ id: number }>('POST', '/api/product-types', {
    designation: DESIGNATION,
    makerId: org.id,
    functionRu: '4 логических элемента 2И-НЕ',
  });
  Object.assign(state, { organizationId: org.id, productTypeId: product.id });
  await admin('POST', '/api/users', { email: PRODUCER, name: 'Производитель', role: 'user', password: PASSWORD });
  await admin('POST', `/api/organizations/${org.id}/members`, { email: PRODUCER, role: 'manager' });
  await admin('POST', '/api/users', { email: OPERATOR, name: 'Оператор РФ', role: 'operator', operatorCountry: 'RU', password: PASSWORD });
});

describe('registry journey', () => {
  it('a producer applies with every operation in Russia and the self-assessment says level 1', async () => {
    await signInInBrowser(PRODUCER, '/registry');
    await page().getByTestId('registry-apply-link').click();
    await expect.poll(() => page().getByTestId('apply-organization').inputValue()).toContain('Микрон-Тест');
    await page().getByTestId('apply-products').click();
    await page().getByTestId('apply-products').fill(DESIGNATION.slice(0, 9));
    await page().getByRole('option', { name: DESIGNATION }).click();
    await page().getByTestId('apply-next').click();

    await page().getByTestId('facts-tax-resident').getByText('да').click();
    await page().getByTestId('facts-design-rights').fill('10');
    await page().getByTestId('facts-foreign-solutions').getByText('нет').click();
    await page().getByTestId('apply-next').click();

    await page().getByTestId('operation-add-all').click();
    await expect.poll(() => page().getByTestId('operation-row').count()).toBeGreaterThan(5);
    const pp764 = page().locator('[data-testid="self-assessment"] [data-testid="evaluation-result"][data-rule-set="ru-pp764-ic"]');
    await expect.poll(() => pp764.getAttribute('data-level'), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => pp764.getAttribute('data-outcome')).toBe('qualified');
    await expect.poll(() => pp764.locator('[data-testid="evaluation-condition"][data-met="met"]').count()).toBeGreaterThan(3);

    await page().getByTestId('apply-save').click();
    await expect.poll(() => new URL(page().url()).pathname).toMatch(/^\/registry\/\d+\/edit$/);
    await page().getByTestId('apply-next').click();
    await page().getByTestId('apply-submit').click();
    await expect.poll(() => new URL(page().url()).pathname).toMatch(/^\/registry\/\d+$/);
    await expect.poll(() => page().getByTestId('registry-record').getAttribute('data-state')).toBe('submitted');
    state.recordId = Number(new URL(page().url()).pathname.split('/').pop());
    await signOut();
  });

  it('an operator of Russia finds it in the review queue and includes it', async () => {
    await signInInBrowser(OPERATOR, '/');
    await page().getByTestId('user-menu').click();
    await page().getByTestId('nav-queue').click();
    const row = page().locator(`[data-testid="registry-row"][data-id="${state.recordId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('registry-row-link').click();
    await expect.poll(() => page().getByTestId('decisions-panel').count()).toBe(1);
    await expect.poll(() => page().getByTestId('decision-form').getAttribute('data-kind')).toBe('include');
    await page().getByTestId('decision-remarks').fill('Документы проверены');
    await page().getByTestId('decision-submit').click();
    await expect.poll(() => page().getByTestId('registry-record').getAttribute('data-state')).toBe('included');
    await expect.poll(() => page().getByTestId('record-number').innerText()).toMatch(/^RU-\d{4}-\d{6}$/);
    state.number = (await page().getByTestId('record-number').innerText()).trim();
    await expect.poll(() => page().getByTestId('record-level').innerText()).toContain('1');
    await signOut();
  });

  it('anyone verifies the number and sees that it is valid', async () => {
    await page().getByTestId('nav-verify').click();
    await page().getByTestId('verify-input').fill(state.number);
    await page().getByTestId('verify-submit').click();
    await expect.poll(() => page().getByTestId('verify-verdict').getAttribute('data-verdict')).toBe('valid');
    await expect.poll(() => page().getByTestId('verify-verdict-text').innerText()).toMatch(/Действует/);
    await expect.poll(() => page().getByTestId('verify-record').innerText()).toContain('Микрон-Тест');
    await page().getByTestId('verify-bulk-text').fill(`${state.number}\nНЕТ-999999`);
    await page().getByTestId('verify-bulk-submit').click();
    await expect.poll(() => page().getByTestId('verify-bulk-row').count()).toBe(2);
    await expect.poll(() => page().locator('[data-testid="verify-bulk-row"][data-valid="true"]').count()).toBe(1);
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByTestId('verify-bulk-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`${state.number};`);
    expect(csv.split(/\r\n/).filter(Boolean)).toHaveLength(3);
  });

  it('the record page shows the history of decisions and the log proof', async () => {
    await page().goto(url(`/registry/${state.recordId}`));
    await expect.poll(() => page().getByTestId('record-number').innerText()).toBe(state.number);
    const kinds = () =>
      page()
        .getByTestId('history-event')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    await expect.poll(kinds).toEqual(expect.arrayContaining(['apply', 'submit', 'include']));
    await expect.poll(() => page().getByTestId('log-verdict').getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => page().getByTestId('log-verdict').innerText()).toMatch(/доказательство сходится/);
    await expect.poll(() => page().getByTestId('log-entry').count()).toBeGreaterThanOrEqual(3);
    // Ed25519 in WebCrypto: checked where the browser has it, never reported as a bad signature
    await expect.poll(() => page().getByTestId('log-signature').getAttribute('data-ok')).not.toBe('false');
  });

  it('an operator sees why the API refuses to include, returns the application with remarks, and the producer sees them', async () => {
    const producer = await signedIn(PRODUCER, PASSWORD);
    const second = await producer<{ id: number }>('POST', '/api/registry/records', {
      organizationId: state.organizationId,
      productTypeIds: [state.productTypeId],
      makerTaxResidentEaeu: true,
      designRightsYears: 10,
      usesForeignReadyMadeSolutions: false,
      operations: [{ code: 'design', country: 'RU' }],
      contentShares: [],
    });
    await producer('POST', `/api/registry/records/${second.id}/submit`);

    await signInInBrowser(OPERATOR, `/registry/${second.id}`);
    await expect.poll(() => page().getByTestId('decision-form').getAttribute('data-kind')).toBe('include');
    // design alone qualifies under no rule set in force: the server says so and the panel shows its message
    await page().getByTestId('decision-submit').click();
    await expect.poll(() => page().getByTestId('decisions-panel').getByTestId('error').count()).toBe(1);
    await expect.poll(() => page().getByTestId('registry-record').getAttribute('data-state')).toBe('submitted');
    await page().getByTestId('decision-kind').getByText('Вернуть').click();
    await page().getByTestId('decision-remarks').fill('Приложите акт экспертизы');
    await page().getByTestId('decision-submit').click();
    await expect.poll(() => page().getByTestId('registry-record').getAttribute('data-state')).toBe('returned');
    await expect.poll(() => page().getByTestId('decisions-none').count()).toBe(1);
    await signOut();

    await signInInBrowser(PRODUCER, `/registry/${second.id}`);
    await expect.poll(() => page().getByTestId('producer-actions').innerText()).toContain('Приложите акт экспертизы');
    await expect.poll(() => page().getByTestId('record-edit').count()).toBe(1);
    await signOut();
  });

  it('an administrator imports the Russian registry open data and sees what changed', async () => {
    await signInInBrowser(E2E_ADMIN.email, '/', E2E_ADMIN.password);
    await page().getByTestId('user-menu').click();
    await page().getByTestId('nav-imports').click();
    await page().locator('input[type="file"]').setInputFiles(path.resolve('tests/fixtures/gisp/pp719-day1.csv'));
    await page().getByTestId('imports-as-of').fill('2025-06-01');
    await page().getByTestId('imports-start').click();
    await expect.poll(() => page().getByTestId('imports-summary').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page().getByTestId('imports-summary').innerText()).toMatch(/Новых\s+[1-9]/);
    await expect.poll(() => page().getByTestId('imports-table').locator('tbody tr').count()).toBe(1);
    await page().goto(url('/registry?origin=gisp&date=2025-06-01'));
    await expect.poll(() => page().getByTestId('registry-row').count()).toBeGreaterThan(0);
  });

  it('an administrator fills the open point values of the draft rule set as a new version', async () => {
    await page().goto(url('/registry/rule-sets'));
    const draft = page().locator('[data-testid="rule-set"][data-code="ru-ic-points-draft-2025-12"][data-version="1"]');
    await expect.poll(() => draft.getByTestId('rule-set-fill').count()).toBe(1);
    await draft.getByTestId('rule-set-points-design').fill('40');
    await draft.getByTestId('rule-set-points-wafer').fill('30');
    await draft.getByTestId('rule-set-save').click();
    await expect.poll(() => page().locator('[data-testid="rule-set"][data-code="ru-ic-points-draft-2025-12"][data-version="2"]').count()).toBe(1);
  });

  it('an administrator reads in the audit trail who included the record and what the decision changed', async () => {
    await page().getByTestId('user-menu').click();
    await page().getByTestId('nav-audit').click();
    await expect.poll(() => page().getByTestId('audit-row').count()).toBeGreaterThan(0);
    await page().goto(url(`/admin/audit?entity=${encodeURIComponent('registry/records')}`));
    const include = page()
      .getByTestId('audit-row')
      .filter({ hasText: OPERATOR })
      .filter({ hasText: `#${state.recordId}` })
      .filter({ hasText: '200' });
    await expect.poll(() => include.count()).toBeGreaterThan(0);
    await include.first().getByTestId('audit-open').click();
    const changes = page().getByTestId('audit-changes');
    await expect.poll(() => changes.count()).toBe(1);
    await expect.poll(() => changes.innerText()).toMatch(/state[\s\S]*submitted[\s\S]*included/);
  });

  it('the calculator judges a product without saving it', async () => {
    await page().goto(url('/registry/calculator'));
    await page().getByTestId('facts-tax-resident').getByText('да').click();
    await page().getByTestId('facts-design-rights').fill('7');
    await page().getByTestId('facts-foreign-solutions').getByText('нет').click();
    await page().getByTestId('operation-add-all').click();
    const pp764 = page().locator('[data-testid="evaluation-result"][data-rule-set="ru-pp764-ic"]');
    await expect.poll(() => pp764.getAttribute('data-level'), { timeout: 15_000 }).toBe('1');
    // a missing operation drops the level: remove wafer fabrication (third row)
    await page().getByTestId('operation-row').nth(2).getByRole('button').click();
    await expect.poll(() => pp764.getAttribute('data-level'), { timeout: 15_000 }).toBe('2');
  });
});
