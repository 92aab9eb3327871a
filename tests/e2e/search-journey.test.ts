/**
 * Search as an engineer uses it, in real Chromium: suggestions while typing in the header, keyboard choice,
 * and the results page with tier badges, facets and a parameter filter.
 */
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/browser';

const journey = useJourney();

describe('search journey', () => {
  it('suggests while typing in the header and opens the chosen suggestion with the keyboard', async () => {
    await journey().page.goto(journey().server.url);
    const box = journey().page.getByTestId('header-search');
    await box.click();
    await box.pressSequentially('NE555', { delay: 30 });
    await expect.poll(() => journey().page.getByTestId('suggestion').count()).toBeGreaterThan(0);
    await expect.poll(() => journey().page.getByTestId('suggestion').first().innerText()).toContain('NE555');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(() => new URL(journey().page.url()).pathname).toMatch(/^\/foreign-parts\/\d+$/);
    await expect.poll(() => journey().page.getByTestId('foreign-part-number').innerText()).toContain('NE555');
  });

  it('shows a packaging-suffix match as a base-tier candidate with its domestic analog, never as exact', async () => {
    await journey().page.goto(`${journey().server.url}search?q=SN74HC00N`);
    const first = journey().page.getByTestId('result-foreign-part').first();
    await expect.poll(() => first.innerText()).toContain('74HC00');
    await expect.poll(() => first.getByTestId('tier-badge').first().getAttribute('data-tier')).toBe('base');
    await expect.poll(() => first.innerText()).toContain('КР1554ЛА3');
    expect(await journey().page.locator('[data-testid="tier-badge"][data-tier="exact"]').count()).toBe(0);
  });

  it('finds a designation typed on the wrong keyboard and narrows the results by a facet', async () => {
    await journey().page.goto(`${journey().server.url}search?q=${encodeURIComponent('ЛА3')}`);
    await expect.poll(() => journey().page.getByTestId('result-product').count()).toBeGreaterThan(3);
    const nand = journey().page.getByTestId('facet-category').locator('[data-testid="facet-option"][data-value="logic-nand"]');
    await nand.click();
    await expect.poll(() => new URL(journey().page.url()).searchParams.get('category')).toBe('logic-nand');
    await journey().page.goto(`${journey().server.url}search?q=${encodeURIComponent('KP1533ЛA3')}`);
    await expect.poll(() => journey().page.getByTestId('result-product').first().innerText()).toContain('КР1533ЛА3');
    await expect.poll(() => journey().page.getByTestId('result-product').first().getByTestId('tier-badge').getAttribute('data-tier')).toBe('normalised');
  });

  it('shows the server message for an unreadable parameter filter', async () => {
    await journey().page.goto(`${journey().server.url}search?param=${encodeURIComponent('U_cc about 5')}`);
    await expect.poll(() => journey().page.getByTestId('param-error').innerText()).toContain('U_cc about 5');
  });
});
