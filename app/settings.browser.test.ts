// Settings in a real browser against the built app: an admin adds an account and changes roles
// (the last admin cannot be demoted), creates an API key that is shown once and revokes it;
// the Thai catalog; a viewer finds neither the link nor the pages.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages } from './i18n/messages';
import { createOwner } from './testing/accounts';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Ana Siriwan', email: 'ana@example.com', password: 'correct horse battery' };
const DAO = { name: 'Dao Chaiyo', email: 'dao@example.com', password: 'a long enough secret' };
const en = messages.en;
const th = messages.th;

describe('settings (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  /** Errors the pages logged (hydration mismatches, exceptions); refused API calls aside. */
  const browserErrors: string[] = [];
  const url = (path: string) => `${server?.url ?? ''}${path}`;
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  const roleSelect = (name: string) => page.getByLabel(en.roleOf.replace('{name}', name), { exact: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // The browser logs every 4xx answer; the refusals are expected (the last admin, FORBIDDEN).
    collectBrowserErrors(page, browserErrors, { ignoreFailedLoads: true });
  }, 300_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-settings-${name}.png`), fullPage: true });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('gives the owner a Settings link that opens the accounts', async () => {
    await createOwner(page, url(''), OWNER);
    await page.getByRole('link', { name: en.settingsLink }).click();
    await page.waitForURL((at) => at.pathname === '/settings/users');
    await page.getByRole('heading', { name: en.settingsTitle }).waitFor();
    await page.getByRole('row').filter({ hasText: OWNER.email }).waitFor();
    expect(await roleSelect(OWNER.name).inputValue()).toBe('admin');
  });

  it('shows the fields the server refused', async () => {
    await fillAccount(page, { name: ' ', email: 'not-an-email', password: 'short' }, 'designer');
    await page.getByText(en.errorNameMissing).waitFor();
    await page.getByText(en.errorEmailInvalid).waitFor();
    await page.getByText(en.errorPasswordShort.replace('{min}', '8')).waitFor();
    expect(await page.getByLabel(en.fieldEmail, { exact: true }).getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a designer and lists it, and refuses a taken email', async () => {
    await fillAccount(page, DAO, 'designer');
    await page.getByText(en.userAdded.replace('{email}', DAO.email)).waitFor();
    await page.getByRole('row').filter({ hasText: DAO.email }).waitFor();
    expect(await roleSelect(DAO.name).inputValue()).toBe('designer');
    expect(await page.getByLabel(en.fieldEmail, { exact: true }).inputValue()).toBe('');

    await fillAccount(page, { ...DAO, email: DAO.email.toUpperCase() }, 'viewer');
    await page.getByText(en.errorEmailTaken).waitFor();
    expect(await page.getByRole('row').filter({ hasText: DAO.email }).count()).toBe(1);
  });

  it('changes a role, and keeps the last admin an admin', async () => {
    const saved = page.waitForResponse((response) => response.url().includes('users.setRole'));
    await roleSelect(DAO.name).selectOption('viewer');
    expect((await saved).ok()).toBe(true);
    await page.reload();
    expect(await roleSelect(DAO.name).inputValue()).toBe('viewer');

    await roleSelect(OWNER.name).selectOption('designer');
    await page.getByRole('alert').filter({ hasText: en.errorLastAdmin }).waitFor();
    await expect.poll(() => roleSelect(OWNER.name).inputValue()).toBe('admin');
    await shot('settings-users.png');
  });

  it('shows a new API key once, lists its prefix and revokes it', async () => {
    await page.getByRole('link', { name: en.settingsApiKeys }).click();
    await page.waitForURL((at) => at.pathname === '/settings/api-keys');
    await page.getByRole('heading', { name: en.keysEmptyTitle }).waitFor();
    await page.getByLabel(en.fieldKeyName, { exact: true }).fill('LINE webhook');
    await page.getByRole('button', { name: en.createKey }).click();
    const box = page.getByRole('region', { name: en.newKeyTitle.replace('{name}', 'LINE webhook') });
    await box.getByText(en.newKeyWarning).waitFor();
    const key = await box.getByRole('textbox').inputValue();
    expect(key).toMatch(/^sb_[\w-]{40,}$/);
    const row = page.getByRole('row').filter({ hasText: 'LINE webhook' });
    await row.getByText(key.slice(0, 9)).waitFor();
    await row.getByText(en.neverUsed).waitFor();
    await box.getByRole('button', { name: en.copyKey }).click();
    await box.getByRole('button', { name: en.copiedKey }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shot('settings-keys.png');

    await page.reload();
    await row.getByText(key.slice(0, 9)).waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await page.getByText(en.newKeyWarning).count()).toBe(0);

    await row.getByRole('button', { name: en.revokeKey }).click();
    await page.getByText(en.revokeQuestion.replace('{name}', 'LINE webhook')).waitFor();
    await shot('settings-keys-revoke.png');
    await page.getByRole('button', { name: en.revokeConfirm }).click();
    await row.getByText(en.keyRevoked).waitFor();
    expect(await row.getByRole('button', { name: en.revokeKey }).count()).toBe(0);
  });

  it('reads in Thai', async () => {
    await page.goto(url('/settings/users?lang=th'));
    await page.getByRole('heading', { name: th.settingsTitle }).waitFor();
    await page.getByRole('link', { name: th.settingsApiKeys }).waitFor();
    await page.getByRole('heading', { name: th.addUserTitle }).waitFor();
    const daoRole = page.getByLabel(th.roleOf.replace('{name}', DAO.name), { exact: true });
    expect(await daoRole.locator('option:checked').textContent()).toBe(th.roleViewer);
    await shot('settings-th.png');
    await page.getByRole('link', { name: th.settingsApiKeys }).click();
    await page.getByRole('row').filter({ hasText: th.keyRevoked }).waitFor();
    await shot('settings-keys-th.png');
  });

  it('hides Settings from a viewer, and tells them why at /settings', async () => {
    await page.goto(url('/settings/users'));
    await page.getByRole('button', { name: en.signOut }).click();
    await page.waitForURL((at) => at.pathname === '/sign-in');
    await page.getByLabel(en.fieldEmail, { exact: true }).fill(DAO.email);
    await page.getByLabel(en.fieldPassword, { exact: true }).fill(DAO.password);
    await page.getByRole('button', { name: en.signInButton }).click();
    await page.waitForURL((at) => at.pathname === '/');
    await page.getByText(DAO.name).waitFor();
    expect(await page.getByRole('link', { name: en.settingsLink }).count()).toBe(0);

    await page.goto(url('/settings'));
    await page.getByRole('heading', { name: en.forbiddenTitle }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('link', { name: en.settingsLink }).count()).toBe(0);
    await shot('settings-forbidden.png');
  });

  it('sends visitors who are not signed in to sign in, and back after', async () => {
    const visitor = await browser?.newPage();
    if (!visitor) throw new Error('no browser');
    await visitor.goto(url('/settings/api-keys?lang=th'));
    await visitor.waitForURL(
      (at) => at.pathname === '/sign-in' && at.searchParams.get('next') === '/settings/api-keys' && at.searchParams.get('lang') === 'th',
    );
    await visitor.close();
  });

  it('logged no errors in the browser', () => {
    expect(browserErrors).toEqual([]);
  });
});

/** Fills the add-account form and submits it. */
async function fillAccount(page: Page, account: { name: string; email: string; password: string }, role: string) {
  await page.getByLabel(en.fieldName, { exact: true }).fill(account.name);
  await page.getByLabel(en.fieldEmail, { exact: true }).fill(account.email);
  await page.getByLabel(en.fieldPassword, { exact: true }).fill(account.password);
  await page.getByLabel(en.fieldRole, { exact: true }).selectOption(role);
  await page.getByRole('button', { name: en.addUser }).click();
}
