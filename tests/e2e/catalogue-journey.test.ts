/**
 * A newcomer's journey in real Chromium: open the app, switch language, sign in, open a product type and
 * follow its foreign analog to the foreign part's page, which links back to the domestic analog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { E2E_ADMIN, startE2eServer } from '../support/server';

let server: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.cleanup();
});

describe('catalogue journey', () => {
  it('opens in Russian with navigation', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => page.getByTestId('nav-products').innerText()).toMatch(/Каталог/);
  });

  it('switches to English and to Belarusian, and remembers the choice', async () => {
    await page.getByTestId('language-switcher').getByText('English').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('nav-organizations').innerText()).toMatch(/Organizations/i);
    await page.getByTestId('language-switcher').getByText('Беларуская').click();
    await expect.poll(() => page.getByTestId('nav-organizations').innerText()).toMatch(/Прадпрыемствы/);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('be');
    await page.getByTestId('language-switcher').getByText('Русский').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ru');
  });

  it('refuses a wrong password with a message, then signs in', async () => {
    await page.getByTestId('sign-in-link').click();
    await page.getByTestId('login-email').fill(E2E_ADMIN.email);
    await page.getByTestId('login-password').fill('wrong-password-1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('Неверная электронная почта или пароль').count()).toBeGreaterThan(0);
    await page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('user-menu').innerText()).toContain('Administrator');
  });

  it('filters the product list and opens a product type with its foreign analogs', async () => {
    await page.getByTestId('nav-products').click();
    await page.getByTestId('products-filter-q').fill('К155ЛА3');
    await page.getByTestId('products-filter-q').press('Enter');
    await expect.poll(() => page.getByTestId('product-row').filter({ hasText: 'К155ЛА3' }).count()).toBeGreaterThan(0);
    await page.getByTestId('product-row').filter({ hasText: 'К155ЛА3' }).first().getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('product-designation').innerText()).toContain('К155ЛА3');
    await expect.poll(() => page.getByTestId('analog-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('analog-row').first().innerText()).toMatch(/SN7400|7400/);
  });

  it('follows the analog to the foreign part, which lists its domestic analogs', async () => {
    await page.getByTestId('analog-row').filter({ hasText: 'SN7400' }).first().getByRole('link', { name: 'SN7400' }).click();
    await expect.poll(() => page.getByTestId('foreign-part-number').innerText()).toContain('SN7400');
    await expect.poll(() => page.getByTestId('analog-row').filter({ hasText: 'К155ЛА3' }).count()).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toMatch(/^\/foreign-parts\/\d+$/);
  });

  it('serves client-side routes on reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('foreign-part-number').innerText()).toContain('SN7400');
  });
});
