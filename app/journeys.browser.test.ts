// A journey that moves to web chat, in a real browser against the built app: a conversation on
// the API channel reaches a `channel` node, which sends a continue link; opening the link in a
// fresh browser shows the widget with the conversation so far (the API messages labelled), and
// typing continues the journey. An expired link shows its own page, in Thai too.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { apiClient, signIn } from '@/server/testing/apiClient';
import { messages } from './i18n/messages';
import { launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const en = messages.en;
const th = messages.th;
const OWNER = { name: 'Owner', email: 'owner@example.com', password: 'correct horse battery' };

const journeyFlow = {
  format: FLOW_FORMAT,
  id: 'move-to-chat',
  name: 'Move to chat',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['api'] } },
    { id: 'hello', type: 'message', data: { text: 'We are sorry about your card.' } },
    { id: 'to-chat', type: 'channel', data: { channel: 'webchat', via: 'api', text: 'Continue in chat: {{ link }}' } },
    { id: 'welcome', type: 'message', data: { text: 'Welcome to chat! You wrote: {{ input.text }}' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved', text: 'Your new card is on its way.' } },
    { id: 'late', type: 'end', data: { outcome: 'timeout' } },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'to-chat' },
    { source: 'to-chat', sourceHandle: 'continued', target: 'welcome' },
    { source: 'to-chat', sourceHandle: 'timeout', target: 'late' },
    { source: 'welcome', target: 'done' },
  ],
};

describe('continue a journey in web chat (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let apiKey = '';
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const bubbles = (page: Page, text: string) => page.locator('.bubble').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    const base = url('');
    await apiClient(base).setup.createOwner.mutate(OWNER);
    const admin = apiClient(base, await signIn(base, OWNER.email, OWNER.password));
    await admin.flows.import.mutate({ document: journeyFlow });
    await admin.flows.publish.mutate({ id: journeyFlow.id });
    await admin.bindings.set.mutate({ channel: 'api', flowId: journeyFlow.id });
    await admin.bindings.set.mutate({ channel: 'webchat', address: 'cards', flowId: journeyFlow.id });
    apiKey = (await admin.apiKeys.create.mutate({ name: 'browser test' })).key;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  async function conversation(id: string): Promise<{ status: string; outcome: string | null; messages: { channel: string; text: string }[] }> {
    const response = await fetch(url(`/api/v1/conversations/${id}`), { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    return response.json();
  }

  /** Starts the journey over the API and returns the path of the link it sent. */
  async function linkSent(): Promise<{ conversationId: string; link: string }> {
    const response = await fetch(url('/api/v1/events'), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'api', from: `caller-${Date.now()}`, text: 'I lost my card' }),
    });
    expect(response.status).toBe(202);
    const { conversationId } = await response.json();
    for (let tries = 0; tries < 100; tries++) {
      const sent = (await conversation(conversationId)).messages.map((m) => m.text).find((text) => text.startsWith('Continue in chat: '));
      const link = sent ? /\/chat\/continue\/[A-Za-z0-9_-]+$/.exec(sent)?.[0] : undefined;
      if (link) return { conversationId, link };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('no continue link was sent');
  }

  async function freshPage(): Promise<Page> {
    const context = await (browser as Browser).newContext({ viewport: { width: 1100, height: 820 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => browserErrors.push(error.message));
    return page;
  }

  it('opens the widget on the journey with its history, and continues it when the customer types', async () => {
    const { conversationId, link } = await linkSent();
    const page = await freshPage();
    await page.goto(url(link));
    await page.getByRole('heading', { name: en.continueTitle }).waitFor();
    const dialog = page.getByRole('dialog', { name: en.widgetTitle });
    await dialog.waitFor();
    await bubbles(page, 'I lost my card').waitFor();
    await bubbles(page, 'We are sorry about your card.').waitFor();
    await bubbles(page, 'Continue in chat:').waitFor();
    expect(await page.locator('.via').filter({ hasText: en.widgetViaApi }).count()).toBe(3);
    await page.getByText(en.widgetOnline, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-continue-history.png') });

    const input = page.getByRole('textbox', { name: en.widgetInputLabel });
    await input.fill('Here I am');
    await input.press('Enter');
    await bubbles(page, 'Welcome to chat! You wrote: Here I am').waitFor();
    await bubbles(page, 'Your new card is on its way.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-continued.png') });
    const ended = await conversation(conversationId);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'resolved' });
    expect(ended.messages.map((m) => `${m.channel}: ${m.text}`)).toEqual([
      'api: I lost my card',
      'api: We are sorry about your card.',
      expect.stringMatching(/^api: Continue in chat: /),
      'webchat: Here I am',
      'webchat: Welcome to chat! You wrote: Here I am',
      'webchat: Your new card is on its way.',
    ]);

    // The journey is over: the same link now says so and opens no widget.
    const later = await freshPage();
    await later.goto(url(`${link}?lang=th`));
    await later.getByRole('heading', { name: th.continueEndedTitle }).waitFor();
    expect(await later.locator('[data-switchboard-webchat]').count()).toBe(0);
    expect(browserErrors).toEqual([]);
  });

  it('shows a clear page for a link that was changed, in Thai', async () => {
    const { link } = await linkSent();
    const page = await freshPage();
    const changed = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    await page.goto(url(`${changed}?lang=th`));
    await page.getByRole('heading', { name: th.continueInvalidTitle }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-link-invalid-th.png') });
    expect(await page.locator('[data-switchboard-webchat]').count()).toBe(0);
  });
});
