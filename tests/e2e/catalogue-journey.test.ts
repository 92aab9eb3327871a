/**
 * A newcomer's journey in real Chromium: open the app, switch language, sign in, open a product type and
 * follow its foreign analog to the foreign part's page, which links back to the domestic analog.
 */
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/browser';
import { E2E_ADMIN } from '../support/server';

const journey = useJourney();

describe('catalogue journey', () => {
  it('opens in Russian with navigation', async () => {
    await journey().page.goto(journey().server.url);
    await expect.poll(() => journey().page.locator('html').getAttribute('lang')).toBe('ru');
    await expect.poll(() => journey().page.getByTestId('nav-products').innerText()).toMatch(/Каталог/);
  });

  it('switches to English and to Belarusian, and remembers the choice', async () => {
    await journey().page.getByTestId('language-switcher').getByText('English').click();
    await expect.poll(() => journey().page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => journey().page.getByTestId('nav-organizations').innerText()).toMatch(/Organizations/i);
    await journey().page.getByTestId('language-switcher').getByText('Беларуская').click();
    await expect.poll(() => journey().page.getByTestId('nav-organizations').innerText()).toMatch(/Прадпрыемствы/);
    await journey().page.reload();
    await expect.poll(() => journey().page.locator('html').getAttribute('lang')).toBe('be');
    await journey().page.getByTestId('language-switcher').getByText('Русский').click();
    await expect.poll(() => journey().page.locator('html').getAttribute('lang')).toBe('ru');
  });

  it('refuses a wrong password with a message, then signs in', async () => {
    await journey().page.getByTestId('sign-in-link').click();
    await journey().page.getByTestId('login-email').fill(E2E_ADMIN.email);
    await journey().page.getByTestId('login-password').fill('wrong-password-1');
    await journey().page.getByTestId('login-submit').click();
    await expect.poll(() => journey().page.getByText('Неверная электронная почта или пароль').count()).toBeGreaterThan(0);
    await journey().page.getByTestId('login-password').fill(E2E_ADMIN.password);
    await journey().page.getByTestId('login-submit').click();
    await expect.poll(() => journey().page.getByTestId('user-menu').innerText()).toContain('Administrator');
  });

  it('filters the product list and opens a product type with its foreign analogs', async () => {
    await journey().page.getByTestId('nav-products').click();
    await journey().page.getByTestId('products-filter-q').fill('К155ЛА3');
    await journey().page.getByTestId('products-filter-q').press('Enter');
    await expect.poll(() => journey().page.getByTestId('product-row').filter({ hasText: 'К155ЛА3' }).count()).toBeGreaterThan(0);
    await journey().page.getByTestId('product-row').filter({ hasText: 'К155ЛА3' }).first().getByRole('link').first().click();
    await expect.poll(() => journey().page.getByTestId('product-designation').innerText()).toContain('К155ЛА3');
    await expect.poll(() => journey().page.getByTestId('analog-row').count()).toBeGreaterThan(0);
    await expect.poll(() => journey().page.getByTestId('analog-row').first().innerText()).toMatch(/SN7400|7400/);
  });

  it('follows the analog to the foreign part, which lists its domestic analogs', async () => {
    await journey().page.getByTestId('analog-row').filter({ hasText: 'SN7400' }).first().getByRole('link', { name: 'SN7400' }).click();
    await expect.poll(() => journey().page.getByTestId('foreign-part-number').innerText()).toContain('SN7400');
    await expect.poll(() => journey().page.getByTestId('analog-row').filter({ hasText: 'К155ЛА3' }).count()).toBeGreaterThan(0);
    expect(new URL(journey().page.url()).pathname).toMatch(/^\/foreign-parts\/\d+$/);
  });

  it('serves client-side routes on reload', async () => {
    await journey().page.reload();
    await expect.poll(() => journey().page.getByTestId('foreign-part-number').innerText()).toContain('SN7400');
  });
});
