/**
 * The BOM job in real Chromium: upload a real KiCad export, check the proposed mapping, run the analysis, filter
 * the lines by status, and download the XLSX report.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useJourney } from '../support/browser';

const journey = useJourney({ acceptDownloads: true });

describe('BOM journey', () => {
  it('uploads a KiCad export and proposes a mapping past its preamble', async () => {
    await journey().page.goto(journey().server.url);
    await journey().page.getByTestId('nav-bom').click();
    await journey().page.getByTestId('bom-file-input').setInputFiles(path.resolve('tests/fixtures/boms/stm32-breakout.csv'));
    await expect.poll(() => journey().page.getByTestId('bom-preview-table').count()).toBe(1);
    const roleOf = (column: number) => journey().page.locator(`[data-testid="bom-role-select"][data-column="${column}"]`).inputValue();
    // KiCad: "Item","Qty","Reference(s)","Value",…
    await expect.poll(() => roleOf(2)).toBe('designators');
    await expect.poll(() => roleOf(3)).toBe('value');
    await expect.poll(() => journey().page.getByTestId('bom-preview-table').innerText()).toContain('STM32F103C8Tx');
  });

  it('analyses it and shows every line with a status, passives as generic', async () => {
    await journey().page.getByTestId('bom-analyse').click();
    await expect.poll(() => new URL(journey().page.url()).pathname).toMatch(/^\/bom\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => journey().page.getByTestId('bom-line').count()).toBeGreaterThan(10);
    await expect.poll(() => journey().page.locator('[data-testid="bom-line"][data-status="generic"]').count()).toBeGreaterThan(3);
    await expect.poll(() => journey().page.getByTestId('bom-summary').count()).toBe(1);
  });

  it('filters the lines by status', async () => {
    const total = await journey().page.getByTestId('bom-line').count();
    await journey().page.locator('[data-testid="bom-status-chip"][data-status="generic"]').click();
    await expect.poll(() => journey().page.getByTestId('bom-line').count()).toBeLessThan(total);
    const statuses = await journey()
      .page.getByTestId('bom-line')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['generic']));
  });

  it('downloads the XLSX report', async () => {
    const [download] = await Promise.all([journey().page.waitForEvent('download'), journey().page.getByTestId('bom-export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});
