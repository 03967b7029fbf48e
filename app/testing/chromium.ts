// Debian's Chromium for browser tests; a browser is never downloaded. Missing, it fails the run
// (CI installs it) rather than skipping, so a green run always means the browser ran.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Puts the page's uncaught errors and console errors into `errors` (tests assert it stays
 * empty). `ignoreFailedLoads` leaves out the line the browser logs for every 4xx/5xx answer, for
 * tests that provoke refusals on purpose.
 */
export function collectBrowserErrors(page: Page, errors: string[], options: { ignoreFailedLoads?: boolean } = {}): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (options.ignoreFailedLoads && message.text().startsWith('Failed to load resource')) return;
    errors.push(message.text());
  });
}
