// The first-run and sign-in journey in a real browser against the real built app: setup of the
// owner, the home page's flows, signing out and in, and the Thai catalog.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleFlows } from '@/server/flows/exampleFlows';
import { messages } from './i18n/messages';
import { launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Ana Siriwan', email: 'ana@example.com', password: 'correct horse battery' };
const en = messages.en;
const th = messages.th;

describe('first run and sign-in (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const url = (path: string) => `${server?.url ?? ''}${path}`;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.setDefaultTimeout(20_000);
  }, 300_000);

  // What the browser showed when a step failed, beside the other screenshots.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-${name}.png`), fullPage: true });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('sends the first visitor of a fresh install to setup', async () => {
    await page.goto(url('/'));
    await page.waitForURL((at) => at.pathname === '/setup');
    await page.getByRole('heading', { name: en.setupTitle }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'setup.png'), fullPage: true });
  });

  it('keeps the visitor on setup when the passwords differ', async () => {
    await fillOwner(page, 'something else');
    await page.getByRole('button', { name: en.createOwner }).click();
    await page.getByText(en.errorPasswordMismatch).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    await page.screenshot({ path: path.join(ARTIFACTS, 'setup-mismatch.png'), fullPage: true });
  });

  it('creates the owner, signs them in and shows the stored flows', async () => {
    await fillOwner(page, OWNER.password);
    await page.getByRole('button', { name: en.createOwner }).click();
    await page.waitForURL((at) => at.pathname === '/');
    await page.getByText(OWNER.name).waitFor();
    await page.getByText(en.roleAdmin).waitFor();
    const { flows } = await exampleFlows();
    expect(flows.length).toBe(8);
    for (const flow of flows) await page.getByRole('link', { name: flow.name, exact: true }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(flows.length);
    await page.getByText(en.listStatePublished).first().waitFor();
  });

  it('signs out to the sign-in page', async () => {
    await page.getByRole('button', { name: en.signOut }).click();
    await page.waitForURL((at) => at.pathname === '/sign-in');
    await page.getByRole('heading', { name: en.signInTitle }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in.png'), fullPage: true });
  });

  it('says so when the password is wrong', async () => {
    await signIn(page, 'not the password');
    // Filtered: Next's route announcer is an alert too.
    await page.getByRole('alert').filter({ hasText: en.errorWrongCredentials }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sign-in-wrong-password.png'), fullPage: true });
  });

  it('goes home with the right password', async () => {
    await signIn(page, OWNER.password);
    await page.waitForURL((at) => at.pathname === '/');
    await page.getByText(OWNER.name).waitFor();
    await page.getByRole('heading', { name: en.flowsHeading }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'home.png'), fullPage: true });
  });

  it('shows the home page in Thai with ?lang=th', async () => {
    await page.goto(url('/?lang=th'));
    await page.getByRole('heading', { name: th.flowsHeading }).waitFor();
    await page.getByRole('button', { name: th.signOut }).waitFor();
    await page.getByText(th.roleAdmin).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'home-th.png'), fullPage: true });
  });

  it('sends a signed-in visitor of /setup home, now that there is an owner', async () => {
    await page.goto(url('/setup'));
    await page.waitForURL((at) => at.pathname === '/');
  });

  it('sends signed-out visitors to sign-in, in their language', async () => {
    const context = await browser?.newContext({ viewport: { width: 1280, height: 860 } });
    if (!context) throw new Error('no browser');
    const visitor = await context.newPage();
    await visitor.goto(url('/setup?lang=th'));
    await visitor.waitForURL((at) => at.pathname === '/sign-in' && at.searchParams.get('lang') === 'th');
    await visitor.getByRole('heading', { name: th.signInTitle }).waitFor();
    await visitor.getByLabel(th.fieldPassword, { exact: true }).waitFor();
    await visitor.screenshot({ path: path.join(ARTIFACTS, 'sign-in-th.png'), fullPage: true });
    await visitor.goto(url('/'));
    await visitor.waitForURL((at) => at.pathname === '/sign-in');
    await context.close();
  });
});

async function fillOwner(page: Page, confirm: string): Promise<void> {
  await page.getByLabel(en.fieldName, { exact: true }).fill(OWNER.name);
  await page.getByLabel(en.fieldEmail, { exact: true }).fill(OWNER.email);
  await page.getByLabel(en.fieldPassword, { exact: true }).fill(OWNER.password);
  await page.getByLabel(en.fieldConfirmPassword, { exact: true }).fill(confirm);
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByLabel(en.fieldEmail, { exact: true }).fill(OWNER.email);
  await page.getByLabel(en.fieldPassword, { exact: true }).fill(password);
  await page.getByRole('button', { name: en.signInButton }).click();
}
