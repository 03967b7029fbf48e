// The drawer in a real Chromium, on its own: bundled with esbuild from `drawerHarness.tsx` (no
// Next build), driven by its labels. A tester blocks a card on voice, continues in web chat,
// works the handoff as the agent, saves the journey, and the CLI passes the downloaded file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/app/i18n/messages';
import { collectBrowserErrors, launchChromium } from '@/app/testing/chromium';
import { EXAMPLES_DIR, exampleJourney } from './testing';

const ARTIFACTS = path.resolve('artifacts');
const en = messages.en;
const th = messages.th;

describe('simulator drawer (browser)', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const open = (query: string) => page.goto(`file://${path.join(dir, 'index.html')}?${query}`);
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `simulator-${name}.png`) });
  const status = () => page.getByRole('status', { name: en.simStatus }).textContent();
  const press = async (digits: string) => {
    for (const key of digits) await page.getByRole('button', { name: en.simKey.replace('{key}', key) }).click();
    await page.getByRole('button', { name: en.simSendDigits }).click();
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), 'sim-drawer-'));
    await build({
      entryPoints: [path.resolve('app/editor/simulator/drawerHarness.tsx')],
      bundle: true,
      outdir: path.join(dir, 'out'),
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    copyFileSync(path.resolve('app/globals.css'), path.join(dir, 'globals.css'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="globals.css"><link rel="stylesheet" href="out/drawerHarness.css"></head><body><div id="root"></div><script src="out/drawerHarness.js"></script></body></html>',
    );
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page.setDefaultTimeout(10_000);
    collectBrowserErrors(page, errors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs a voice call into web chat and an agent, and saves a journey the CLI passes', async () => {
    await open('flow=lost-card');
    expect(await status()).toBe('Waiting at main-menu (Menu)');
    // The CRM lookup needs mocks: without them the drawer says so instead of crashing.
    await press('1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('No HTTP mock answers GET https://crm.navabank.example');
    expect(await status()).toBe('Waiting at main-menu (Menu)');
    // One click adds a mock for that call and takes the step again: the lookup now finds nobody.
    await page.getByRole('button', { name: en.simAddMock }).click();
    await expect.poll(status).not.toBe('Waiting at main-menu (Menu)');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByText(en.simMocksCount.replace('{count}', '1')).click();
    expect(await page.getByLabel(en.simMocksLabel).inputValue()).toContain('"url": "https://crm.navabank.example/v1/customers/search?phone=%2B66812345678"');
    await page.getByLabel(en.simMocksLabel).press('Escape');

    const mocks = exampleJourney('lost-card.happy-path-chat.journey.json').mocks?.http ?? [];
    await page.getByText(en.simMocksCount.replace('{count}', '1')).click();
    await page.getByLabel(en.simMocksLabel).fill('[{ "url": 1 }]');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('0.url');
    await page.getByLabel(en.simMocksLabel).fill(JSON.stringify(mocks));
    await shot('mocks');
    await page.getByLabel(en.simMocksLabel).press('Escape');
    await page.getByRole('button', { name: en.simRestart, exact: true }).first().click();

    await press('1');
    await press('4821');
    await page.getByLabel(en.simDigits).fill('1234');
    await page.getByLabel(en.simDigits).press('Enter');
    await press('1');
    expect(await status()).toBe('Waiting at sms-link (Switch channel)');
    const trace = JSON.parse((await page.locator('#trace').textContent()) ?? 'null');
    expect(trace).toMatchObject({ active: 'sms-link', ended: false });
    expect(trace.path).toContain('verify');
    await shot('voice');

    await page.getByRole('button', { name: en.simHangup }).click();
    await page.getByRole('button', { name: en.simAdvance.replace('{duration}', '1m') }).click();
    await page.getByLabel(en.simCustomerChannel).selectOption('webchat');
    await page.getByLabel(en.simMessage).fill('สวัสดีค่ะ กดลิงก์จาก SMS มา');
    await page.getByLabel(en.simMessage).press('Enter');
    expect(await status()).toBe('Handed off to queue fraud: waiting for an agent');
    const agent = page.getByRole('region', { name: en.simAgentControls });
    await agent.getByRole('button', { name: en.simAgentAccept }).click();
    await agent.getByLabel(en.simAgentReply).fill('Your new card is on its way');
    await agent.getByLabel(en.simAgentReply).press('Enter');
    await expect.poll(() => page.getByRole('log', { name: en.simConversation }).textContent()).toContain('Your new card is on its way');
    await shot('agent');
    await agent.getByRole('button', { name: en.simAgentResolve }).click();
    await page.getByRole('button', { name: en.simAdvance.replace('{duration}', '10s') }).click();
    await page.getByLabel(en.simAdvanceBy).fill('5m');
    await page.getByLabel(en.simAdvanceBy).press('Enter');
    await page.getByLabel(en.simMessage).fill('5');
    await page.getByLabel(en.simMessage).press('Enter');
    await expect.poll(status).toMatch(/^Ended: /);
    await shot('ended');

    await page.getByRole('button', { name: en.simSaveJourney }).click();
    await page.getByLabel(en.simJourneyName).fill('Caller blocks a card and rates the agent');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: en.simJourneyDownload }).click()]);
    expect(download.suggestedFilename()).toBe('lost-card.caller-blocks-a-card-and-rates-the-agent.journey.json');
    const tests = path.join(dir, 'journeys');
    mkdirSync(tests);
    await download.saveAs(path.join(tests, download.suggestedFilename()));
    for (const flow of ['lost-card', 'verify-identity']) copyFileSync(path.join(EXAMPLES_DIR, `${flow}.flow.json`), path.join(tests, `${flow}.flow.json`));
    const cli = spawnSync(process.execPath, ['bin/switchboard.mjs', 'test', tests], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.stdout).toContain('1 passed, 0 failed');
    expect(cli.status).toBe(0);

    // An edit offers to replay the same steps on the changed flow, or to start over.
    const steps = await page.getByRole('region', { name: en.simSteps }).getByRole('listitem').count();
    await page.getByRole('button', { name: 'edit the flow' }).click();
    await page.getByRole('button', { name: en.simReplay.replace('{count}', String(steps - 1)) }).click();
    await expect.poll(status).toBe('Ended: resolved');
    expect(await page.getByRole('region', { name: en.simSteps }).getByRole('listitem').count()).toBe(steps);
    await page.getByRole('button', { name: 'edit the flow' }).click();
    await page.getByRole('button', { name: en.simRestartWithChanges }).click();
    expect(await status()).toBe('Waiting at main-menu (Menu)');
    await page.getByRole('button', { name: en.simClose }).click();
    expect(await page.locator('#trace').textContent()).toBe('null');
    expect(errors).toEqual([]);
  }, 120_000);

  it('clicks quick replies in Thai', async () => {
    await open('flow=telco-support&lang=th');
    const quickReplies = page.getByRole('group', { name: th.simQuickReplies });
    await quickReplies.getByRole('button').first().click();
    await expect.poll(() => page.getByRole('log', { name: th.simConversation }).textContent()).toContain('ลูกค้าเลือก');
    await shot('thai');
    expect(errors).toEqual([]);
  });
});
