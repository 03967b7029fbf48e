// The routing admin page in a real browser against the built app: an admin adds queue rules
// (skills, hours, overflow), sees a refused time zone named, gives an agent skills and
// capacity and a designer transcript access; the page in Thai; the web chat's End chat.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages } from './i18n/messages';
import { createOwner } from './testing/accounts';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Ana Siriwan', email: 'ana@example.com', password: 'correct horse battery' };
const en = messages.en;
const th = messages.th;

describe('routing settings (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  const field = (key: keyof typeof en) => page.getByLabel(en[key], { exact: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
    collectBrowserErrors(page, browserErrors, { ignoreFailedLoads: true });
  }, 300_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-routing-${name}.png`), fullPage: true });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('lets the owner add queue rules, naming a refused time zone', async () => {
    await createOwner(page, url(''), OWNER);
    await addAccount(page, url('/settings/users'), { name: 'Mali Agent', email: 'mali@example.com', password: 'a long enough secret' }, 'agent');
    await addAccount(page, url('/settings/users'), { name: 'Dao Designer', email: 'dao@example.com', password: 'a long enough secret' }, 'designer');
    await page.goto(url('/settings/routing'));
    await page.getByRole('tab', { name: en.settingsRouting }).or(page.getByRole('link', { name: en.settingsRouting })).first().waitFor();
    await page.getByText(en.routingQueuesEmpty).waitFor();

    await field('routingFieldId').fill('fraud');
    await field('routingFieldName').fill('Fraud desk');
    await field('routingFieldSkills').fill('fraud:3, thai');
    await field('routingFieldPriority').fill('10');
    await field('routingFieldWeekly').fill('mon-fri 09:00-18:00, sat 10:00-14:00');
    await field('routingFieldTimezone').fill('Mars/Olympus');
    await field('routingFieldMaxWait').fill('300');
    await field('routingFieldOverflow').fill('general');
    await page.getByRole('form', { name: en.routingQueueFormAdd }).getByRole('button', { name: en.routingSave, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'hours.timezone' }).waitFor();

    await field('routingFieldTimezone').fill('Asia/Bangkok');
    await page.getByRole('form', { name: en.routingQueueFormAdd }).getByRole('button', { name: en.routingSave, exact: true }).click();
    const row = page.getByTestId('routing-queues').getByRole('row').filter({ hasText: 'Fraud desk' });
    await row.waitFor();
    expect(await row.innerText()).toContain('fraud:3, thai');
    expect(await row.innerText()).toContain('mon-fri 09:00-18:00, sat 10:00-14:00 (Asia/Bangkok)');
    expect(await row.innerText()).toContain(en.routingOverflowAfter.replace('{queue}', 'general').replace('{seconds}', '300'));
    // The queue shows in the live figures too.
    await page.getByTestId('routing-figures').getByRole('row').filter({ hasText: 'Fraud desk' }).waitFor();
  });

  it('saves an agent’s skills and capacity and a designer’s transcript access', async () => {
    await page.getByLabel(en.routingSkillsOf.replace('{name}', 'Mali Agent')).fill('fraud:4, thai:2');
    await page.getByLabel(en.routingCapacityOf.replace('{channel}', 'webchat').replace('{name}', 'Mali Agent')).fill('2');
    const mali = page.getByTestId('routing-agents').getByRole('row').filter({ hasText: 'Mali Agent' });
    await mali.getByRole('button', { name: en.routingSave }).click();
    await mali.getByRole('button', { name: en.routingSaved }).waitFor();
    await page.getByLabel(en.routingTranscriptsOf.replace('{name}', 'Dao Designer')).check();
    const dao = page.getByTestId('routing-agents').getByRole('row').filter({ hasText: 'Dao Designer' });
    await dao.getByRole('button', { name: en.routingSave }).click();
    await dao.getByRole('button', { name: en.routingSaved }).waitFor();

    await page.reload();
    expect(await page.getByLabel(en.routingSkillsOf.replace('{name}', 'Mali Agent')).inputValue()).toBe('fraud:4, thai:2');
    expect(await page.getByLabel(en.routingCapacityOf.replace('{channel}', 'webchat').replace('{name}', 'Mali Agent')).inputValue()).toBe('2');
    expect(await page.getByLabel(en.routingTranscriptsOf.replace('{name}', 'Dao Designer')).isChecked()).toBe(true);
    await shot('routing-settings.png');
  });

  it('reads in Thai', async () => {
    await page.goto(url('/settings/routing?lang=th'));
    await page.getByRole('heading', { name: th.routingQueuesTitle, exact: true }).waitFor();
    await page.getByRole('heading', { name: th.routingAgentsTitle, exact: true }).waitFor();
    await shot('routing-settings-th.png');
    expect(browserErrors).toEqual([]);
  });

  it('ends a web chat from the widget’s End chat button', async () => {
    await page.goto(url('/chat'));
    await page.getByRole('button', { name: en.widgetOpen }).click();
    const end = page.getByRole('button', { name: en.widgetEndChat });
    await end.waitFor();
    await shot('widget-end-chat.png');
    await end.click();
    await page.getByRole('button', { name: en.widgetNewChat }).waitFor();
    expect(await end.isHidden()).toBe(true);
    await shot('widget-ended.png');
  });
});

async function addAccount(page: Page, usersPage: string, account: { name: string; email: string; password: string }, role: string): Promise<void> {
  await page.goto(usersPage);
  await page.getByLabel(en.fieldName, { exact: true }).fill(account.name);
  await page.getByLabel(en.fieldEmail, { exact: true }).fill(account.email);
  await page.getByLabel(en.fieldPassword, { exact: true }).fill(account.password);
  await page.getByLabel(en.fieldRole, { exact: true }).selectOption(role);
  await page.getByRole('button', { name: en.addUser }).click();
  await page.getByText(en.userAdded.replace('{email}', account.email)).waitFor();
}
