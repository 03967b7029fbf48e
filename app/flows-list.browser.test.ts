// The flows list in a real browser against the built app: create (with the server's refusals
// shown), search, rename, duplicate, archive and restore, export a file that parses as a flow,
// import by file picker and by drag-and-drop (a bad file refused with its reason, then taken
// with errors allowed), the row menu by keyboard, Thai, and a viewer who sees no write action.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateFlow } from '@/flows';
import { readFlowDocument } from '@/server/flows/document';
import { messages } from './i18n/messages';
import { createOwner } from './testing/accounts';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Ana Siriwan', email: 'ana@example.com', password: 'correct horse battery' };
const VIEWER = { name: 'Vee Viewer', email: 'vee@example.com', password: 'a long enough secret' };
/** Two of the seeded example flows, by their names. */
const LOST = 'Lost or stolen card hotline';
const ORDER = 'Lumen Home: where is my order? (web chat)';
const en = messages.en;
const th = messages.th;
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

describe('flows list (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const browserErrors: string[] = [];
  const files = path.join(tmpdir(), `flows-list-${process.pid}`);
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `flows-list-${name}.png`), fullPage: true });
  const row = (id: string) => page.locator(`tr[data-flow-id="${id}"]`);
  const menuAction = async (id: string, name: string, action: string) => {
    await row(id).getByRole('button', { name: fill(en.listActionsFor, { name }) }).click();
    await page.getByRole('menuitem', { name: action, exact: true }).click();
  };
  const status = () => page.getByRole('status').filter({ hasNotText: /^$/ });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(files, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // Refused calls (taken id, bad import) and the editor route, built elsewhere, log 4xx answers.
    collectBrowserErrors(page, browserErrors, { ignoreFailedLoads: true });
  }, 600_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-flows-list-${name}.png`), fullPage: true });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('lists the example flows with their state and latest version', async () => {
    await createOwner(page, url(''), OWNER);
    await row('lost-card').getByText(en.listStatePublished).waitFor();
    await row('lost-card').getByText(fill(en.listVersion, { version: 1 })).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(8);
    await shot('list');
  });

  it('creates a flow, showing what the server refused on its field, and opens the editor', async () => {
    await page.getByRole('button', { name: en.listNewFlow }).click();
    const dialog = page.getByRole('dialog', { name: en.listCreateTitle });
    await dialog.getByRole('button', { name: en.listCreate }).click();
    await dialog.getByText(en.listErrorNameRequired).waitFor();

    await dialog.getByLabel(en.listFieldName, { exact: true }).fill('Card renewal');
    expect(await dialog.getByLabel(en.listFieldId).getAttribute('placeholder')).toBe('card-renewal');
    await dialog.getByLabel(en.listFieldId).fill('lost-card');
    await dialog.getByRole('button', { name: en.listCreate }).click();
    await dialog.getByText(en.listErrorIdTaken).waitFor();
    expect(await dialog.getByLabel(en.listFieldId).getAttribute('aria-invalid')).toBe('true');
    await shot('create-refused');

    await dialog.getByLabel(en.listFieldId).fill('');
    await dialog.getByRole('button', { name: en.listCreate }).click();
    await page.waitForURL((at) => at.pathname === '/flows/card-renewal');
    await page.goto(url('/'));
    await row('card-renewal').getByText(en.listStateDraft).waitFor();
    await row('card-renewal').getByRole('cell', { name: '2', exact: true }).waitFor();
  });

  it('searches by name or id as you type', async () => {
    const search = page.getByRole('searchbox', { name: en.listSearchLabel });
    await search.fill('renewal');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await search.fill('ORDER-st');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await row('order-status').waitFor();
    await search.fill('no such flow');
    await page.getByRole('heading', { name: fill(en.listNoMatchTitle, { query: 'no such flow' }) }).waitFor();
    await shot('search-empty');
    await page.getByRole('button', { name: en.listClearSearch }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(9);
  });

  it('renames inline, and a published flow then shows unpublished changes', async () => {
    await menuAction('lost-card', LOST, en.listRename);
    const input = page.getByLabel(fill(en.listRenameLabel, { name: LOST }));
    await input.fill('Lost card hotline');
    await shot('rename');
    await input.press('Enter');
    await row('lost-card').getByRole('link', { name: 'Lost card hotline' }).waitFor();
    await row('lost-card').getByText(en.listStateUnpublished).waitFor();
    await status().filter({ hasText: fill(en.listRenamed, { name: 'Lost card hotline' }) }).waitFor();

    await menuAction('lost-card', 'Lost card hotline', en.listRename);
    await page.getByLabel(fill(en.listRenameLabel, { name: 'Lost card hotline' })).press('Escape');
    const link = row('lost-card').getByRole('link', { name: 'Lost card hotline' });
    await link.waitFor();
    await expect.poll(() => link.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('duplicates, archives, shows archived flows on demand and restores', async () => {
    await menuAction('card-renewal', 'Card renewal', en.listDuplicate);
    await row('card-renewal-copy').getByRole('link', { name: 'Card renewal (copy)' }).waitFor();

    await menuAction('card-renewal-copy', 'Card renewal (copy)', en.listArchive);
    await status().filter({ hasText: fill(en.listArchived, { name: 'Card renewal (copy)' }) }).waitFor();
    await expect.poll(() => row('card-renewal-copy').count()).toBe(0);

    await page.getByLabel(en.listShowArchived).check();
    await row('card-renewal-copy').getByText(en.listStateArchived).waitFor();
    await shot('archived');
    await menuAction('card-renewal-copy', 'Card renewal (copy)', en.listRestore);
    await row('card-renewal-copy').getByText(en.listStateDraft).waitFor();
    await page.getByLabel(en.listShowArchived).uncheck();
    await row('card-renewal-copy').waitFor();
  });

  it('opens the row menu from the keyboard', async () => {
    const button = row('order-status').getByRole('button', { name: fill(en.listActionsFor, { name: ORDER }) });
    const name = await row('order-status').getByRole('link').textContent();
    expect(name).toBeTruthy();
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu');
    await menu.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.listOpen);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.listArchive);
    await shot('menu');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('exports a flow as <id>.flow.json that parses and validates as a flow', async () => {
    const downloading = page.waitForEvent('download');
    await menuAction('order-status', ORDER, en.listExport);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('order-status.flow.json');
    const saved = path.join(files, 'order-status.flow.json');
    await download.saveAs(saved);
    const document = readFlowDocument(readFileSync(saved, 'utf8'));
    expect(document.id).toBe('order-status');
    expect(validateFlow(document).filter((d) => d.severity === 'error')).toEqual([]);
    await status().filter({ hasText: fill(en.listExported, { file: 'order-status.flow.json' }) }).waitFor();
  });

  it('imports a good file from the file picker, under another id when the file\'s is taken', async () => {
    const document = readFlowDocument(readFileSync(path.join(files, 'order-status.flow.json'), 'utf8'));
    const good = path.join(files, 'order-status-th.flow.json');
    writeFileSync(good, JSON.stringify({ ...document, name: 'Order status (Thai line)' }));
    await page.getByTestId('flow-import-file').setInputFiles(good);
    const dialog = page.getByRole('dialog', { name: fill(en.listImportTitle, { file: 'order-status-th.flow.json' }) });
    await dialog.getByText(fill(en.listImportIdHint, { id: 'order-status' })).waitFor();
    await dialog.getByRole('button', { name: en.listImportConfirm }).click();
    await dialog.getByRole('alert').getByText(/already exists/).waitFor();
    await dialog.getByLabel(en.listImportId).fill('order-status-th');
    await dialog.getByRole('button', { name: en.listImportConfirm }).click();
    await status().filter({ hasText: fill(en.listImported, { name: 'Order status (Thai line)' }) }).waitFor();
    await row('order-status-th').getByText(en.listStateDraft).waitFor();
  });

  it('refuses a dropped file with errors, with the reason, until errors are allowed', async () => {
    const bad = {
      format: 'switchboard/flow@1',
      id: 'broken-flow',
      name: 'Broken flow',
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'orphan', type: 'end', position: { x: 0, y: 120 }, data: {} },
      ],
      edges: [],
    };
    await page.locator('section[aria-labelledby="flows-heading"]').evaluate((section, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'broken-flow.flow.json', { type: 'application/json' }));
      section.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      section.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, JSON.stringify(bad));
    const dialog = page.getByRole('dialog', { name: fill(en.listImportTitle, { file: 'broken-flow.flow.json' }) });
    await dialog.getByRole('button', { name: en.listImportConfirm }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText(en.listImportRefused).waitFor();
    await alert.getByText(/orphan/).first().waitFor();
    await shot('import-refused');
    expect(await row('broken-flow').count()).toBe(0);

    await dialog.getByLabel(en.listImportAllowErrors).check();
    await dialog.getByRole('button', { name: en.listImportConfirm }).click();
    await status().filter({ hasText: 'Broken flow' }).waitFor();
    await row('broken-flow').getByText(en.listStateDraft).waitFor();
  });

  it('reads in Thai', async () => {
    await page.goto(url('/?lang=th'));
    await page.getByRole('heading', { name: th.flowsHeading }).waitFor();
    await page.getByRole('columnheader', { name: th.listColumnVersion }).waitFor();
    await row('lost-card').getByText(th.listStateUnpublished).waitFor();
    await page.getByRole('button', { name: th.listNewFlow }).waitFor();
    await row('order-status').getByRole('button', { name: fill(th.listActionsFor, { name: ORDER }) }).click();
    await page.getByRole('menuitem', { name: th.listDuplicate }).waitFor();
    await shot('th');
    await page.keyboard.press('Escape');
  });

  it('shows a viewer no write action', async () => {
    await page.goto(url('/settings/users'));
    await page.getByLabel(en.fieldName, { exact: true }).fill(VIEWER.name);
    await page.getByLabel(en.fieldEmail, { exact: true }).fill(VIEWER.email);
    await page.getByLabel(en.fieldPassword, { exact: true }).fill(VIEWER.password);
    await page.getByLabel(en.fieldRole, { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: en.addUser }).click();
    await page.getByText(fill(en.userAdded, { email: VIEWER.email })).waitFor();
    await page.getByRole('button', { name: en.signOut }).click();
    await page.waitForURL((at) => at.pathname === '/sign-in');
    await page.getByLabel(en.fieldEmail, { exact: true }).fill(VIEWER.email);
    await page.getByLabel(en.fieldPassword, { exact: true }).fill(VIEWER.password);
    await page.getByRole('button', { name: en.signInButton }).click();
    await page.waitForURL((at) => at.pathname === '/');

    await row('order-status').waitFor();
    expect(await page.getByRole('button', { name: en.listNewFlow }).count()).toBe(0);
    expect(await page.getByRole('button', { name: en.listImport }).count()).toBe(0);
    await row('order-status').getByRole('button', { name: fill(en.listActionsFor, { name: ORDER }) }).click();
    const items = await page.getByRole('menuitem').allTextContents();
    expect(items).toEqual([en.listOpen, en.listExport]);
    await shot('viewer');
  });

  it('logged no errors in the browser', () => {
    expect(browserErrors).toEqual([]);
  });
});
