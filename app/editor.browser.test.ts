// The flow editor in a real browser against the production build: a flow drawn with the mouse
// from an empty canvas, edges deleted, undo/redo, copy/paste, auto-layout, autosave across a
// reload, a save conflict from a second tab, publishing blocked by an error and then allowed,
// a viewer's read-only canvas, Thai, and a 1,000-node flow.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messages } from './i18n/messages';
import { createOwner } from './testing/accounts';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';
import { nodeType } from '@/flows';
import { bigFlow, callApi, clickEdge, connectHandles, dropFromPalette, nodeBox } from './editor/testing/editorDriver';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Ana Siriwan', email: 'ana@example.com', password: 'correct horse battery' };
const VIEWER = { name: 'Vee Viewer', email: 'vee@example.com', password: 'a long enough secret' };
const FLOW = 'journey';
const en = messages.en;
const th = messages.th;
/** The palette button's name for a node type, from the catalog. */
const paletteAdd = (type: string) => en.editorPaletteAdd.replace('{label}', nodeType(type)?.texts.en.label ?? type);

describe('flow editor (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (target: Page, name: string) => target.screenshot({ path: path.join(ARTIFACTS, `editor-${name}.png`) });
  const node = (target: Page, id: string) => target.getByTestId(`rf__node-${id}`);
  const edges = (target: Page) => target.locator('.react-flow__edge');
  const saveStatus = (target: Page) => target.locator('[data-save-status]');
  const waitSaved = (target: Page) => target.locator('[data-save-status="saved"]').waitFor();
  const watch = (target: Page) => {
    // The browser logs every 4xx answer; the conflict test provokes one on purpose.
    collectBrowserErrors(target, browserErrors, { ignoreFailedLoads: true });
  };
  const openEditor = async (target: Page, at = `/flows/${FLOW}`) => {
    await target.goto(url(at));
    await target.locator('[data-editor-ready="true"]').waitFor();
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    watch(page);
  }, 900_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-editor-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('opens an empty flow on an empty canvas with the palette', async () => {
    await createOwner(page, url(''), OWNER);
    await callApi(page, 'flows.import', {
      document: { format: 'switchboard/flow@1', id: FLOW, name: 'Lost card journey', nodes: [] },
      allowErrors: true,
    });
    await openEditor(page);
    await page.getByText(en.editorEmptyCanvas).waitFor();
    await page.getByRole('complementary', { name: en.editorPalette }).getByRole('button', { name: paletteAdd('menu') }).waitFor();
    await expect.poll(() => saveStatus(page).getAttribute('data-save-status')).toBe('saved');
    await shot(page, 'empty');
  });

  it('builds a flow with the mouse: drops nodes from the palette and connects handles', async () => {
    await dropFromPalette(page, 'start', { x: 320, y: 220 });
    await node(page, 'start').waitFor();
    await dropFromPalette(page, 'message', { x: 660, y: 220 });
    await dropFromPalette(page, 'end', { x: 660, y: 460 });
    await node(page, 'end').waitFor();
    await connectHandles(page, 'start', 'next', 'message');
    await connectHandles(page, 'message', 'next', 'end');
    await expect.poll(() => edges(page).count()).toBe(2);
    await page.getByTestId('rf__edge-start-next-message').waitFor();
    await page.getByTestId('rf__edge-message-next-end').waitFor();
    // Dropped where the pointer was: start left of message, message above end.
    const [start, message, end] = await Promise.all([nodeBox(page, 'start'), nodeBox(page, 'message'), nodeBox(page, 'end')]);
    expect(start.x).toBeLessThan(message.x);
    expect(message.y).toBeLessThan(end.y);
    await node(page, 'message').click();
    await expect.poll(() => node(page, 'message').getAttribute('class')).toContain('selected');
    await shot(page, 'built');
  });

  it('deletes an edge, and undoes and redoes it', async () => {
    await clickEdge(page, 'message-next-end');
    await page.keyboard.press('Delete');
    await expect.poll(() => edges(page).count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => edges(page).count()).toBe(2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => edges(page).count()).toBe(1);
    await page.getByRole('button', { name: en.editorUndo }).click();
    await expect.poll(() => edges(page).count()).toBe(2);
  });

  it('connects and disconnects existing nodes from the inspector, without the mouse', async () => {
    await node(page, 'message').focus();
    await page.keyboard.press('Enter');
    const handle = nodeType('message')?.texts.en.handles?.next ?? 'next';
    const goesTo = page.getByRole('combobox', { name: en.propsConnectionOf.replace('{handle}', handle) });
    await expect.poll(() => goesTo.inputValue()).toBe('end');
    await goesTo.selectOption('');
    await expect.poll(() => edges(page).count()).toBe(1);
    await goesTo.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => goesTo.inputValue()).not.toBe('');
    await goesTo.selectOption('end');
    await expect.poll(() => edges(page).count()).toBe(2);
    await page.getByTestId('rf__edge-message-next-end').waitFor();
  });

  it('copies and pastes nodes with fresh ids, and does not delete while typing', async () => {
    await node(page, 'message').click();
    await page.keyboard.press('Control+c');
    await page.getByText(en.editorCopied.replace('{count}', '1')).waitFor();
    await page.keyboard.press('Control+v');
    await node(page, 'message-2').waitFor();
    await page.getByLabel(en.editorFlowName).focus();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await expect(node(page, 'message-2').count()).resolves.toBe(1);
    await node(page, 'message-2').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => node(page, 'message-2').count()).toBe(0);
  });

  it('lays the flow out left to right as one undoable step', async () => {
    await page.getByRole('button', { name: en.editorLayoutRight }).click();
    await expect.poll(async () => (await nodeBox(page, 'end')).x - (await nodeBox(page, 'message')).x).toBeGreaterThan(100);
    const [start, message, end] = await Promise.all([nodeBox(page, 'start'), nodeBox(page, 'message'), nodeBox(page, 'end')]);
    expect(start.x).toBeLessThan(message.x);
    expect(message.x).toBeLessThan(end.x);
    await shot(page, 'layout');
  });

  it('autosaves: a reload shows the same flow, renamed inline', async () => {
    await waitSaved(page);
    const name = page.getByLabel(en.editorFlowName);
    await name.fill('Lost card, all channels');
    const renamed = page.waitForResponse((response) => response.url().includes('flows.rename'));
    // The renamed draft is saved again after the rename (saveDraft also writes the name).
    const resaved = page.waitForResponse((response) => response.url().includes('flows.saveDraft'));
    await name.press('Enter');
    expect((await renamed).ok()).toBe(true);
    expect((await resaved).ok()).toBe(true);
    await waitSaved(page);
    await openEditor(page);
    await node(page, 'end').waitFor();
    expect(await edges(page).count()).toBe(2);
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    expect(await page.getByLabel(en.editorFlowName).inputValue()).toBe('Lost card, all channels');
  });

  it('says so when another tab saved first, and loses nothing', async () => {
    const other = await context.newPage();
    watch(other);
    await openEditor(other);
    await other.getByRole('button', { name: paletteAdd('wait') }).click();
    await node(other, 'wait').waitFor();
    await waitSaved(other);
    await other.close();

    await page.getByRole('button', { name: paletteAdd('hours') }).click();
    await node(page, 'hours').waitFor();
    await page.getByTestId('conflict-banner').getByText(en.editorConflictTitle).waitFor();
    expect(await node(page, 'hours').count()).toBe(1);
    const kept = await page.evaluate((id) => window.localStorage.getItem(`switchboard:draft:${id}`), FLOW);
    expect(kept).toContain('"hours"');
    await shot(page, 'conflict');

    await page.getByRole('button', { name: en.editorKeepMine }).click();
    await waitSaved(page);
    await openEditor(page);
    expect(await node(page, 'hours').count()).toBe(1);
    expect(await node(page, 'wait').count()).toBe(0);
  });

  it('blocks publishing while there is an error, then publishes', async () => {
    // hours is unreachable: an error.
    const publish = page.getByRole('button', { name: en.editorPublish, exact: true });
    await expect.poll(() => publish.getAttribute('aria-disabled')).toBe('true');
    await page.getByRole('button', { name: en.editorPublishBlockedOne }).click();
    await expect.poll(() => page.getByRole('tab', { name: new RegExp(en.editorTabProblems) }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: new RegExp(en.editorTabProblems) }).getByTestId('problem-count').waitFor();
    await shot(page, 'blocked');

    await node(page, 'hours').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => publish.getAttribute('aria-disabled')).toBe('false');
    await publish.click();
    await page.getByRole('dialog', { name: en.editorPublishTitle }).getByLabel(en.editorPublishNote).fill('First version');
    await shot(page, 'publish-dialog');
    await page.getByRole('dialog').getByRole('button', { name: en.editorPublishConfirm }).click();
    await page.getByText(en.editorPublished.replace('{version}', '1')).waitFor();
  });

  it('shows the shortcuts on ? and closes them with Escape', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: en.editorShortcutsTitle });
    await help.getByText(en.editorKeyDuplicate).waitFor();
    await shot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('adds and connects a node in one move from the + of a handle', async () => {
    await clickEdge(page, 'message-next-end');
    await page.keyboard.press('Delete');
    await expect.poll(() => edges(page).count()).toBe(1);
    await node(page, 'message').hover();
    const next = nodeType('message')?.texts.en.handles?.next ?? 'next';
    await page.getByRole('button', { name: en.editorAddAfter.replace('{handle}', next) }).click();
    const handoff = nodeType('handoff')?.texts.en.label ?? 'handoff';
    await page.getByRole('menu', { name: en.editorPickType }).getByRole('menuitem', { name: handoff, exact: true }).click();
    await page.getByTestId('rf__edge-message-next-handoff').waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => node(page, 'handoff').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await page.getByTestId('rf__edge-message-next-end').waitFor();
    await waitSaved(page);
  });

  it('gives a viewer a read-only canvas without the palette', async () => {
    await callApi(page, 'users.create', { ...VIEWER, role: 'viewer' });
    const viewerContext = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    const viewer = await viewerContext.newPage();
    watch(viewer);
    await viewer.goto(url('/sign-in'));
    await viewer.getByLabel(en.fieldEmail, { exact: true }).fill(VIEWER.email);
    await viewer.getByLabel(en.fieldPassword, { exact: true }).fill(VIEWER.password);
    await viewer.getByRole('button', { name: en.signInButton }).click();
    await viewer.waitForURL((at) => at.pathname === '/');
    await openEditor(viewer);
    await viewer.getByText(en.editorReadOnly, { exact: true }).waitFor();
    expect(await viewer.getByRole('complementary', { name: en.editorPalette }).count()).toBe(0);
    expect(await viewer.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await viewer.locator('.react-flow__handle.connectable').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: en.editorPublish, exact: true }).count()).toBe(0);
    await shot(viewer, 'viewer');
    await viewerContext.close();
  });

  it('speaks Thai', async () => {
    await openEditor(page, `/flows/${FLOW}?lang=th`);
    await page.getByRole('tab', { name: th.editorTabProperties }).waitFor();
    await page.getByRole('complementary', { name: th.editorPalette }).getByText(th.editorCategoryMessaging).waitFor();
    await node(page, 'message').getByText(nodeType('message')?.texts.th.label ?? '-', { exact: true }).waitFor();
    await shot(page, 'thai');
  });

  it('opens a 1,000-node flow quickly and pans it', async () => {
    await callApi(page, 'flows.import', { document: bigFlow('big', 1000), allowErrors: true });
    const started = Date.now();
    await openEditor(page, '/flows/big');
    const openMs = Date.now() - started;
    // From the start of navigation to the nodes on screen, as the page measures it.
    const inPageMs = Math.round(await page.evaluate(() => performance.now()));
    const pane = page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height / 2 - 200, { steps: 20 });
    await page.mouse.up();
    await shot(page, 'big');
    console.info(`1,000 nodes opened in ${openMs} ms (navigation included; ${inPageMs} ms in the page)`);
    expect(openMs).toBeLessThan(10_000);
    expect(browserErrors).toEqual([]);
  });
});

