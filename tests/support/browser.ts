/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startE2eServer } from './server';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One real server and one Chromium page for a journey file: started before its tests, stopped after.
 * Returns a getter, because the values exist only once `beforeAll` has run.
 */
export function useJourney(pageOptions: Parameters<Browser['newPage']>[0] = {}) {
  const state = {} as { server: Awaited<ReturnType<typeof startE2eServer>>; browser: Browser; page: Page };
  beforeAll(async () => {
    state.server = await startE2eServer();
    state.browser = await launchChromium();
    state.page = await state.browser.newPage(pageOptions);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.cleanup();
  });
  return () => state;
}
