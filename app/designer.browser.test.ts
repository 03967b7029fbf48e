// A designer's whole task in a real Chromium on the production build, as one story: a new flow
// from the flows list, drawn with the mouse, edited in the property panel, a problem found and
// fixed from the Problems tab, undo/redo, publish, compare and roll back, the simulator driven
// on chat and voice (the trace on the canvas), a journey saved and passed by the CLI, then Thai.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeType } from '@/flows';
import { messages } from './i18n/messages';
import { createOwner } from './testing/accounts';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';
import { connectHandles, dropFromPalette, nodeBox } from './editor/testing/editorDriver';

const ARTIFACTS = path.resolve('artifacts');
const OWNER = { name: 'Dao Designer', email: 'dao@example.com', password: 'correct horse battery' };
const FLOW = 'card-help';
const en = messages.en;
const th = messages.th;
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
/** A field's label from the node catalog, as the property panel shows it. */
const field = (type: string, key: string, locale: 'en' | 'th' = 'en') => nodeType(type)?.texts[locale].fields[key]?.label ?? key;

// Each step drives the real app through many screens: more than vitest's default 30 s.
describe('designer task (browser)', { timeout: 120_000 }, () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const browserErrors: string[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'designer-'));
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `designer-${name}.png`) });
  const node = (id: string) => page.getByTestId(`rf__node-${id}`);
  const card = (id: string) => node(id).locator('[data-node-id]');
  const edges = () => page.locator('.react-flow__edge');
  const edgeIds = async () => (await edges().evaluateAll((all) => all.map((edge) => edge.getAttribute('data-testid')?.replace('rf__edge-', '') ?? ''))).sort();
  const props = () => page.getByRole('complementary', { name: en.propsTitle });
  const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const waitSaved = () => page.locator('[data-save-status="saved"]').waitFor();
  const publishButton = () => page.getByRole('button', { name: en.editorPublish, exact: true });
  const simStatus = () => page.getByRole('status', { name: en.simStatus }).textContent();
  const select = async (id: string) => {
    await node(id).locator('[data-node-id]').click({ position: { x: 60, y: 14 } });
    await expect.poll(() => node(id).getAttribute('class')).toContain('selected');
  };
  /** The canvas only renders what is in view; the designer fits the view to see it all. */
  const fitView = () => page.locator('.react-flow__controls-fitview').click();
  const clickPane = () => page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  const textOf = (locator: Locator) => locator.inputValue();
  /** The id the property panel gave the menu's second option (it names that output). */
  let secondOption = '';

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    collectBrowserErrors(page, browserErrors, { ignoreFailedLoads: true });
  }, 900_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-designer-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it('creates a flow from the flows list and lands on an empty canvas', async () => {
    await createOwner(page, url(''), OWNER);
    await page.getByRole('button', { name: en.listNewFlow }).click();
    const dialog = page.getByRole('dialog', { name: en.listCreateTitle });
    await dialog.getByLabel(en.listFieldName, { exact: true }).fill('Card help');
    await shot('new-flow');
    await dialog.getByRole('button', { name: en.listCreate }).click();
    await page.waitForURL((at) => at.pathname === `/flows/${FLOW}`);
    await page.locator('[data-editor-ready="true"]').waitFor();
    // A new flow comes with a connected start and end (the server's starter); the designer
    // clears it to draw from nothing.
    await node('start').waitFor();
    await clickPane();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.getByText(en.editorEmptyCanvas).waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    await waitSaved();
    expect(await page.getByLabel(en.editorFlowName).inputValue()).toBe('Card help');
    await shot('empty');
  });

  it('draws the flow with the mouse and connects its handles', async () => {
    await dropFromPalette(page, 'start', { x: 250, y: 140 });
    await dropFromPalette(page, 'menu', { x: 250, y: 330 });
    await dropFromPalette(page, 'handoff', { x: 560, y: 110 });
    await dropFromPalette(page, 'message', { x: 560, y: 470 });
    await dropFromPalette(page, 'end', { x: 840, y: 300 });
    for (const id of ['start', 'menu', 'handoff', 'message', 'end']) await node(id).waitFor();
    await connectHandles(page, 'start', 'next', 'menu');
    await connectHandles(page, 'menu', 'one', 'handoff');
    await expect.poll(() => edges().count()).toBe(2);
    await page.getByTestId('rf__edge-start-next-menu').waitFor();
    await page.getByTestId('rf__edge-menu-one-handoff').waitFor();
    await shot('drawn');
  });

  it('declares a variable and edits the nodes in the property panel', async () => {
    await tab(en.editorTabVariables).click();
    await page.getByLabel(en.propsVarsNewName).fill('tier');
    await page.getByRole('button', { name: en.propsVarsAdd }).click();
    await expect.poll(() => page.getByRole('region', { name: en.propsVarsTitle }).getByRole('textbox').first().inputValue()).toBe('tier');

    await select('menu');
    await tab(en.editorTabProperties).click();
    const prompt = props().getByLabel(field('menu', 'prompt'), { exact: true });
    await prompt.click();
    await prompt.pressSequentially('Hello {{ ');
    const suggestions = props().getByRole('listbox');
    await suggestions.getByRole('option', { name: 'vars.tier' }).waitFor();
    await shot('autocomplete');
    await suggestions.getByRole('option', { name: 'vars.tier' }).dispatchEvent('mousedown');
    await expect.poll(() => textOf(prompt)).toBe('Hello {{ vars.tier }}');
    await prompt.press('End');
    await prompt.pressSequentially(' customer. Press 1 for an agent, 2 to leave.');
    // Backspace in a panel field edits the text; it must not delete the selected node.
    await prompt.press('Backspace');
    await prompt.pressSequentially('.');
    expect(await node('menu').count()).toBe(1);

    const first = props().getByRole('region', { name: `${fill(en.propsItem, { field: field('menu', 'options'), n: 1 })}`, exact: false }).first();
    await first.getByLabel(field('menu', 'options.label'), { exact: true }).fill('Agent');
    await props().getByRole('button', { name: fill(en.propsAddItem, { field: field('menu', 'options') }) }).click();
    const second = props().getByRole('region', { name: new RegExp(`^${fill(en.propsItem, { field: field('menu', 'options'), n: 2 })}`) });
    await second.getByLabel(field('menu', 'options.label'), { exact: true }).fill('Goodbye');
    const keys = second.getByLabel(field('menu', 'options.keys'), { exact: true });
    await keys.fill('2');
    await keys.press('Enter');
    await props().getByLabel(field('menu', 'timeout'), { exact: true }).fill('30');
    await expect.poll(() => node('menu').textContent()).toContain('Goodbye');
    const secondId = await second.getByLabel(field('menu', 'options.id'), { exact: true }).inputValue();
    await shot('menu-props');

    await select('handoff');
    const queue = props().getByLabel(field('handoff', 'queue'), { exact: true });
    await queue.fill('cards');
    await props().getByLabel(field('handoff', 'timeout'), { exact: true }).fill('2');
    await props().getByLabel(fill(en.propsDurationUnit, { field: field('handoff', 'timeout') })).selectOption('m');
    await expect.poll(() => card('handoff').textContent()).toContain('cards');
    await node('handoff').locator('.react-flow__handle.source[data-handleid="timeout"]').waitFor();

    await select('message');
    const text = props().getByLabel(field('message', 'text'), { exact: true });
    await text.fill('Thank you for calling, goodbye.');
    await connectHandles(page, 'menu', secondId, 'message');
    await connectHandles(page, 'handoff', 'timeout', 'message');
    await expect.poll(edgeIds).toEqual(['handoff-timeout-message', 'menu-one-handoff', `menu-${secondId}-message`, 'start-next-menu']);
    secondOption = secondId;
    await waitSaved();
    await shot('props');
  });

  it('shows the unreachable end inline and in Problems, selects it from there, and is fixed by an edge', async () => {
    // Nothing leads to the end yet: it cannot be reached, an error that blocks publishing.
    await clickPane();
    await tab(en.editorTabProblems).click();
    await expect.poll(() => tab(en.editorTabProblems).getByTestId('problem-count').textContent()).toBe('1');
    await expect.poll(() => publishButton().getAttribute('aria-disabled')).toBe('true');
    const problem = page.getByRole('button', { name: new RegExp(`^${fill(en.propsProblemsSelect, { target: 'end', message: '' })}`) }).first();
    await problem.waitFor();
    await shot('problems');
    await problem.click();
    await expect.poll(() => node('end').getAttribute('class')).toContain('selected');
    // Centred: the end's card sits around the middle of the canvas.
    const canvas = await page.locator('.react-flow').boundingBox();
    await expect
      .poll(async () => {
        const box = await nodeBox(page, 'end');
        return canvas ? Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2)) : Infinity;
      })
      .toBeLessThan(40);
    await tab(en.editorTabProperties).click();
    const inline = props().getByRole('region', { name: en.propsNodeProblems });
    await inline.getByText('node "end" cannot be reached', { exact: false }).waitFor();
    await shot('problem-inline');

    await connectHandles(page, 'message', 'next', 'end');
    await connectHandles(page, 'handoff', 'resolved', 'end');
    await fitView();
    await expect.poll(edgeIds).toEqual(['handoff-resolved-end', 'handoff-timeout-message', 'menu-one-handoff', `menu-${secondOption}-message`, 'message-next-end', 'start-next-menu']);
    await expect.poll(() => publishButton().getAttribute('aria-disabled')).toBe('false');
    await expect.poll(() => inline.count()).toBe(0);
    await tab(en.editorTabProblems).click();
    await expect.poll(() => page.getByRole('tabpanel').getByText(fill(en.propsProblemsErrors, { count: 1 })).count()).toBe(0);
    await waitSaved();
    await shot('fixed');
  });

  it('undoes and redoes a property edit and a node move from the keyboard', async () => {
    await select('handoff');
    await tab(en.editorTabProperties).click();
    const queue = props().getByLabel(field('handoff', 'queue'), { exact: true });
    await queue.fill('fraud');
    await expect.poll(() => card('handoff').textContent()).toContain('fraud');
    await clickPane();
    await page.keyboard.press('Control+z');
    await expect.poll(() => card('handoff').textContent()).toContain('cards');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => card('handoff').textContent()).toContain('fraud');
    await page.keyboard.press('Control+z');
    await expect.poll(() => card('handoff').textContent()).toContain('cards');

    const before = await nodeBox(page, 'end');
    await page.mouse.move(before.x + 60, before.y + 14);
    await page.mouse.down();
    await page.mouse.move(before.x + 60, before.y + 134, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await nodeBox(page, 'end')).y - before.y).toBeGreaterThan(100);
    await clickPane();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await nodeBox(page, 'end')).y - before.y)).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await nodeBox(page, 'end')).y - before.y).toBeGreaterThan(100);
    await waitSaved();
  });

  it('publishes with a note, compares a change with version 1 and rolls back to it', async () => {
    await publishButton().click();
    const dialog = page.getByRole('dialog', { name: en.editorPublishTitle });
    await dialog.getByLabel(en.editorPublishNote).fill('Card help, first cut');
    await shot('publish');
    await dialog.getByRole('button', { name: en.editorPublishConfirm }).click();
    await page.getByText(fill(en.editorPublished, { version: 1 })).waitFor();
    await tab(en.editorTabVersions).click();
    const v1 = page.getByRole('listitem', { name: fill(en.versionsNumber, { number: 1 }), exact: true });
    await v1.getByText('Card help, first cut').waitFor();

    await select('message');
    await tab(en.editorTabProperties).click();
    await props().getByLabel(field('message', 'text'), { exact: true }).fill('Goodbye, and thank you.');
    await waitSaved();
    await tab(en.editorTabVersions).click();
    await v1.getByRole('button', { name: en.versionsCompare }).click();
    await page.getByText(fill(en.editorViewing, { label: fill(en.versionsCompareLabel, { number: 1 }) })).waitFor();
    await expect.poll(() => card('message').getAttribute('data-mark')).toBe('changed');
    expect(await card('handoff').getAttribute('data-mark')).toBeNull();
    await shot('compare');
    await page.getByRole('button', { name: en.editorBackToDraft }).click();
    await expect.poll(() => card('message').getAttribute('data-mark')).toBeNull();
    // Back to draft ends the comparison in the panel too; editing the draft stays in the draft.
    await expect.poll(() => page.getByRole('button', { name: en.versionsStopComparing }).count()).toBe(0);
    await select('message');
    await tab(en.editorTabProperties).click();
    await props().getByLabel(field('message', 'text'), { exact: true }).fill('Goodbye, and thanks.');
    await expect.poll(() => card('message').textContent()).toContain('Goodbye, and thanks.');
    expect(await page.getByText(fill(en.editorViewing, { label: fill(en.versionsCompareLabel, { number: 1 }) })).count()).toBe(0);
    await waitSaved();

    // Version 2 goes live with the new text, listed at once in the open Versions tab; rolling
    // back brings version 1 back, draft included.
    await tab(en.editorTabVersions).click();
    await publishButton().click();
    await dialog.getByLabel(en.editorPublishNote).fill('Shorter goodbye');
    await dialog.getByRole('button', { name: en.editorPublishConfirm }).click();
    await page.getByText(fill(en.editorPublished, { version: 2 })).waitFor();
    await page.getByRole('listitem', { name: fill(en.versionsNumber, { number: 2 }) }).getByText('Shorter goodbye').waitFor();
    await v1.getByRole('button', { name: en.versionsRollback }).click();
    const rollback = page.getByRole('dialog', { name: fill(en.versionsRollbackTitle, { number: 1 }) });
    await rollback.getByRole('button', { name: en.versionsRollbackConfirm }).click();
    await page.getByText(fill(en.versionsRolledBack, { number: 1, newNumber: 3 })).waitFor();
    await expect.poll(() => card('message').textContent()).toContain('Thank you for calling');
    await page.getByRole('listitem', { name: fill(en.versionsNumber, { number: 3 }) }).waitFor();
    await waitSaved();
    await shot('rolled-back');
  });

  it('simulates on chat: quick reply, the trace on the canvas, the agent, the end; saves the journey', async () => {
    await page.getByRole('button', { name: en.editorSimulate }).click();
    const drawer = page.getByRole('region', { name: en.simTitle });
    await drawer.waitFor();
    await fitView();
    await drawer.getByLabel(en.simChannel).selectOption('webchat');
    await drawer.getByRole('button', { name: en.simRestart, exact: true }).first().click();
    await expect.poll(simStatus).toBe(fill(en.simStatusWaiting, { node: 'menu', type: nodeType('menu')?.texts.en.label ?? '' }));
    await expect.poll(() => card('menu').getAttribute('data-trace')).toBe('active');
    expect(await card('start').getAttribute('data-trace')).toBe('path');
    await drawer.getByRole('group', { name: en.simQuickReplies }).getByRole('button', { name: 'Agent' }).click();
    await expect.poll(simStatus).toBe(fill(en.simStatusQueued, { queue: 'cards' }));
    await expect.poll(() => card('handoff').getAttribute('data-trace')).toBe('active');
    expect(await card('menu').getAttribute('data-trace')).toBe('path');
    expect(await page.getByTestId('rf__edge-menu-one-handoff').getAttribute('class')).toContain('sb-edge-path');
    expect(await page.getByTestId('rf__edge-handoff-timeout-message').getAttribute('class')).not.toContain('sb-edge-path');
    const agent = drawer.getByRole('region', { name: en.simAgentControls });
    await agent.getByRole('button', { name: en.simAgentAccept }).click();
    await agent.getByLabel(en.simAgentReply).fill('Your card is blocked.');
    await agent.getByLabel(en.simAgentReply).press('Enter');
    await expect.poll(() => drawer.getByRole('log', { name: en.simConversation }).textContent()).toContain('Your card is blocked.');
    await shot('sim-agent');
    await agent.getByRole('button', { name: en.simAgentResolve }).click();
    await expect.poll(simStatus).toMatch(/^Ended: /);
    await expect.poll(() => card('end').getAttribute('data-trace')).toBe('active');
    await expect.poll(() => page.getByTestId('rf__edge-handoff-resolved-end').getAttribute('class')).toContain('sb-edge-path');
    await shot('sim-ended');

    await drawer.getByRole('button', { name: en.simSaveJourney }).click();
    await drawer.getByLabel(en.simJourneyName).fill('Chat customer reaches an agent');
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: en.simJourneyDownload }).click()]);
    await download.saveAs(path.join(work, download.suggestedFilename()));
  });

  it('simulates on voice with the keypad, then the handoff timeout with the clock, and restarts', async () => {
    const drawer = page.getByRole('region', { name: en.simTitle });
    await drawer.getByLabel(en.simChannel).selectOption('voice');
    await drawer.getByRole('button', { name: en.simRestart, exact: true }).first().click();
    await expect.poll(simStatus).toContain('menu');
    await drawer.getByRole('button', { name: fill(en.simKey, { key: '2' }) }).click();
    await drawer.getByRole('button', { name: en.simSendDigits }).click();
    await expect.poll(simStatus).toMatch(/^Ended: /);
    // The press shows as keys, not as the CLI's `#2`.
    await drawer.getByText(fill(en.simPressedKeys, { keys: '2' }), { exact: true }).waitFor();
    await expect.poll(() => card('end').getAttribute('data-trace')).toBe('active');
    expect(await card('message').getAttribute('data-trace')).toBe('path');
    expect(await card('handoff').getAttribute('data-trace')).toBeNull();
    await shot('sim-voice');

    await drawer.getByRole('button', { name: en.simRestart, exact: true }).first().click();
    await drawer.getByRole('button', { name: fill(en.simKey, { key: '1' }) }).click();
    await drawer.getByRole('button', { name: en.simSendDigits }).click();
    await expect.poll(simStatus).toBe(fill(en.simStatusQueued, { queue: 'cards' }));
    await drawer.getByLabel(en.simAdvanceBy).fill('2m');
    await drawer.getByLabel(en.simAdvanceBy).press('Enter');
    await expect.poll(simStatus).toMatch(/^Ended: /);
    await expect.poll(() => page.getByTestId('rf__edge-handoff-timeout-message').getAttribute('class')).toContain('sb-edge-path');
    await shot('sim-timeout');
    await drawer.getByRole('button', { name: en.simRestart, exact: true }).first().click();
    await expect.poll(simStatus).toContain('menu');
    await expect.poll(() => card('handoff').getAttribute('data-trace')).toBeNull();
  });

  it('passes the saved journey with the CLI against the exported flow', async () => {
    await page.goto(url('/'));
    const downloading = page.waitForEvent('download');
    await page.locator(`tr[data-flow-id="${FLOW}"]`).getByRole('button', { name: fill(en.listActionsFor, { name: 'Card help' }) }).click();
    await page.getByRole('menuitem', { name: en.listExport, exact: true }).click();
    const exported = await downloading;
    expect(exported.suggestedFilename()).toBe(`${FLOW}.flow.json`);
    await exported.saveAs(path.join(work, exported.suggestedFilename()));
    expect(JSON.parse(readFileSync(path.join(work, `${FLOW}.flow.json`), 'utf8')).nodes).toHaveLength(5);
    const cli = spawnSync(process.execPath, ['bin/switchboard.mjs', 'test', work], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.stdout + cli.stderr).toContain('1 passed, 0 failed');
    expect(cli.status).toBe(0);
  });

  it('switches the editor, its panels and the simulator to Thai, in the bundled font', async () => {
    await page.goto(url(`/flows/${FLOW}`));
    await page.locator('[data-editor-ready="true"]').waitFor();
    await page.getByRole('navigation', { name: en.languageSwitcher }).getByRole('link', { name: 'ไทย' }).click();
    await page.waitForURL((at) => at.searchParams.get('lang') === 'th');
    await page.locator('[data-editor-ready="true"]').waitFor();
    await page.getByRole('tab', { name: th.editorTabProperties }).waitFor();
    await select('menu');
    await page.getByRole('complementary', { name: th.propsTitle }).getByText(field('menu', 'prompt', 'th'), { exact: true }).waitFor();
    await card('menu').getByText(nodeType('menu')?.texts.th.label ?? '-', { exact: true }).waitFor();
    await page.getByRole('button', { name: th.editorSimulate }).click();
    const drawer = page.getByRole('region', { name: th.simTitle });
    await drawer.getByRole('status', { name: th.simStatus }).waitFor();
    await shot('thai');
    const fontReady = await page.evaluate(async () => {
      await document.fonts.ready;
      await document.fonts.load('16px "Noto Sans Thai Variable"', 'ก');
      return document.fonts.check('16px "Noto Sans Thai Variable"', 'ก');
    });
    expect(fontReady).toBe(true);
    await tab(th.editorTabProblems).click();
    await shot('thai-problems');
  });

  it('logged no errors in the browser', () => {
    expect(browserErrors).toEqual([]);
  });
});
