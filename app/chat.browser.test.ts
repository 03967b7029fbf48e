// The web chat widget in a real browser against the built app: the seeded demo key answers
// with the order-status example, whose order API is a local mock answering like the
// shipped-happy-path journey's. A visitor taps Track, types the order number, learns it ships,
// taps Yes; after a reload the chat is still there; the widget speaks Thai.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serveFetch, type FetchServer } from '@/server/http/serveFetch';
import { messages } from './i18n/messages';
import { launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const en = messages.en;
const th = messages.th;
const GREETING = "Hi there 👋 I'm the Lumen Home assistant. What can I help you with today?";
const ORDER_QUESTION = "What's your order number?";
const GOODBYE = 'Glad I could help 😊 Thanks for shopping with Lumen Home!';

/** The journey's answer for LH482913, due in three days so the flow does not call it late. */
function shippedOrder(): { body: unknown; etaText: string } {
  const Journey = z.object({ mocks: z.object({ http: z.array(z.object({ url: z.string(), json: z.record(z.string(), z.unknown()) })) }) });
  const journey = Journey.parse(JSON.parse(readFileSync(path.resolve('flows/examples/order-status.shipped-happy-path.journey.json'), 'utf8')));
  const mock = journey.mocks.http.find((m) => m.url.endsWith('/LH482913'));
  if (!mock) throw new Error('the journey has no mock for LH482913');
  const eta = new Date(Date.now() + 3 * 86_400_000);
  const delivery = z.record(z.string(), z.unknown()).parse(mock.json.delivery);
  const body = { ...mock.json, delivery: { ...delivery, eta: eta.toISOString().slice(0, 10) } };
  // As the flow's JSONata formats it ('[FNn], [MNn] [D]', UTC).
  const part = (option: Intl.DateTimeFormatOptions) => eta.toLocaleDateString('en-US', { timeZone: 'UTC', ...option });
  return { body, etaText: `${part({ weekday: 'long' })}, ${part({ month: 'long' })} ${part({ day: 'numeric' })}` };
}

describe('web chat widget (browser)', () => {
  let server: NextServer | undefined;
  let orders: FetchServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const order = shippedOrder();
  const orderCalls: string[] = [];
  /** Errors the pages logged (exceptions, failed scripts). */
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (target: Page, name: string) => target.screenshot({ path: path.join(ARTIFACTS, name) });
  const watch = (target: Page) => {
    target.setDefaultTimeout(20_000);
    target.on('pageerror', (error) => browserErrors.push(error.message));
    target.on('console', (message) => {
      // The one network failure a test causes on purpose is not an error of the page.
      if (message.text().includes('ERR_INTERNET_DISCONNECTED')) return;
      if (message.type() === 'error' || message.type() === 'warning') browserErrors.push(message.text());
    });
  };
  const bubbles = (target: Page, text: string) => target.locator('.bubble').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    orders = await serveFetch(async (request) => {
      const at = new URL(request.url).pathname;
      orderCalls.push(`${request.method} ${at}`);
      return at === '/v1/orders/LH482913' ? Response.json(order.body) : Response.json({ error: 'not found' }, { status: 404 });
    });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer({ SWITCHBOARD_HTTP_REWRITE: `https://api.lumenhome.example=${orders.url}` });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    watch(page);
  }, 300_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await page?.screenshot({ path: path.join(ARTIFACTS, `failed-chat-${name}.png`) });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await orders?.close();
  }, 30_000);

  it('completes the order-status example in the widget', async () => {
    await page.goto(url('/chat'));
    await page.getByRole('heading', { name: en.chatDemoTitle }).waitFor();
    await page.getByText('data-key="demo"').waitFor();
    await page.getByRole('button', { name: en.widgetOpen }).click();
    const dialog = page.getByRole('dialog', { name: en.widgetTitle });
    await dialog.waitFor();
    await bubbles(page, GREETING).waitFor();
    await page.getByText(en.widgetOnline, { exact: true }).waitFor();
    const focused = page.getByRole('textbox', { name: en.widgetInputLabel }).evaluate((input) => {
      const root = input.getRootNode();
      return root instanceof ShadowRoot && root.activeElement === input;
    });
    expect(await focused).toBe(true);
    await shot(page, 'chat-greeting.png');

    const replies = page.getByRole('group', { name: en.widgetQuickReplies });
    await replies.getByRole('button', { name: 'Track my order' }).click();
    await bubbles(page, 'Track my order').waitFor();
    await bubbles(page, ORDER_QUESTION).waitFor();
    expect(await replies.isVisible()).toBe(false);

    const input = page.getByRole('textbox', { name: en.widgetInputLabel });
    await input.fill('lh482913');
    await input.press('Enter');
    // The dots show while the bot looks the order up and paces its answers.
    await page.getByText(en.widgetTyping).waitFor();
    const shipped = bubbles(page, 'is on its way with UPS');
    await shipped.waitFor();
    expect(await shipped.textContent()).toContain(`Good news! 📦 Order LH482913 is on its way with UPS and should arrive by ${order.etaText}.`);
    expect(await shipped.getByRole('link').getAttribute('href')).toBe('https://track.lumenhome.example/1Z999AA10123456784');
    // At least once (the runtime's guarantee); a retried call's answer is applied once.
    expect(new Set(orderCalls)).toEqual(new Set(['GET /v1/orders/LH482913']));
    await bubbles(page, 'Did that answer your question?').waitFor();
    await page.getByText(en.widgetSent, { exact: true }).waitFor();
    await shot(page, 'chat-shipped.png');

    await replies.getByRole('button', { name: 'Yes, thanks' }).click();
    await bubbles(page, GOODBYE).waitFor();
    await page.getByText(en.widgetEnded).waitFor();
    await page.getByRole('button', { name: en.widgetNewChat }).waitFor();
    expect(await page.getByText(en.widgetTyping).isVisible()).toBe(false);
    await shot(page, 'chat-ended.png');
  });

  it('restores the chat after a reload, and follows the visitor into a new one', async () => {
    const visitor = await page.evaluate(() => localStorage.getItem('switchboard-webchat:demo:visitor'));
    expect(visitor).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.reload();
    // The panel was open: it opens again, with the transcript from the server.
    await bubbles(page, GOODBYE).waitFor();
    const transcript = await page.locator('.bubble').allTextContents();
    expect(transcript.map((text) => text.replace(/^[^:]+: /, '').split('\n')[0])).toEqual([
      GREETING,
      'Track my order',
      "Sure! What's your order number? You'll find it in your confirmation email; it looks like LH123456.",
      'lh482913',
      `Good news! 📦 Order LH482913 is on its way with UPS and should arrive by ${order.etaText}.`,
      'Did that answer your question?',
      'Yes, thanks',
      GOODBYE,
    ]);
    await page.getByText(en.widgetEnded).waitFor();
    await shot(page, 'chat-reloaded.png');

    await page.getByRole('button', { name: en.widgetNewChat }).click();
    await expect.poll(() => bubbles(page, GREETING).count()).toBe(2);
    await page.getByRole('group', { name: en.widgetQuickReplies }).getByRole('button', { name: 'Track my order' }).waitFor();
    expect(await page.getByRole('button', { name: en.widgetNewChat }).isVisible()).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('switchboard-webchat:demo:visitor'))).toBe(visitor);
    await shot(page, 'chat-new-conversation.png');
  });

  it('keeps a message that did not go out, and resends it on request (once)', async () => {
    const messagesUrl = url('/api/webchat/demo/messages');
    await page.route(messagesUrl, (route) => route.abort('internetdisconnected'));
    const input = page.getByRole('textbox', { name: en.widgetInputLabel });
    await input.fill('where is my order');
    await input.press('Enter');
    const retry = page.getByRole('button', { name: en.widgetRetry });
    await retry.waitFor();
    await page.getByText(en.widgetFailed).waitFor();
    await shot(page, 'chat-failed.png');

    await page.unroute(messagesUrl);
    await retry.click();
    // The menu understands it: the bot asks for the order number, and the bubble is sent once.
    await expect.poll(() => bubbles(page, ORDER_QUESTION).count()).toBe(2);
    expect(await bubbles(page, 'where is my order').count()).toBe(1);
    await page.getByText(en.widgetSent, { exact: true }).waitFor();
    expect(await retry.count()).toBe(0);
  });

  it('speaks Thai with data-locale="th", and switches language with the page', async () => {
    const thai = await (browser as Browser).newContext({ viewport: { width: 1280, height: 860 }, locale: 'th-TH' });
    const thaiPage = await thai.newPage();
    watch(thaiPage);
    try {
      await thaiPage.goto(url('/chat?lang=th'));
      await thaiPage.getByRole('heading', { name: th.chatDemoTitle }).waitFor();
      await thaiPage.getByText('data-locale="th"').waitFor();
      await thaiPage.getByRole('button', { name: th.widgetOpen }).click();
      await thaiPage.getByRole('dialog', { name: th.widgetTitle }).waitFor();
      await bubbles(thaiPage, GREETING).waitFor();
      await thaiPage.getByText(th.widgetOnline).waitFor();
      expect(await thaiPage.getByRole('textbox', { name: th.widgetInputLabel }).getAttribute('placeholder')).toBe(th.widgetPlaceholder);
      await thaiPage.getByRole('button', { name: th.widgetSend }).waitFor();
      await thaiPage.getByText(th.widgetPoweredBy).waitFor();
      await shot(thaiPage, 'chat-thai.png');

      await thaiPage.setViewportSize({ width: 390, height: 844 });
      await shot(thaiPage, 'chat-thai-phone.png');
      await thaiPage.setViewportSize({ width: 1280, height: 860 });

      // The page's language switch mounts the widget again in English, on the same chat.
      await thaiPage.getByRole('link', { name: 'EN' }).click();
      await thaiPage.getByRole('heading', { name: en.chatDemoTitle }).waitFor();
      await thaiPage.getByRole('dialog', { name: en.widgetTitle }).waitFor();
      await bubbles(thaiPage, GREETING).waitFor();
      expect(await bubbles(thaiPage, GREETING).count()).toBe(1);
      expect(await thaiPage.locator('[data-switchboard-webchat]').count()).toBe(1);
    } finally {
      await thai.close();
    }
  });

  it('works from another site’s page whose CSS tries to restyle it', async () => {
    const origin = server?.url ?? '';
    // A customer's page: another origin, and CSS that would wreck anything not in a shadow root.
    const host = await serveFetch(async () =>
      new Response(
        `<!doctype html><html><head><style>* { font-family: serif !important; color: #c00 !important; } button { all: unset; } div { transform: scale(0.5); opacity: 0.5; }</style></head>` +
          `<body><h1>Acme Home</h1><script src="${origin}/widget.js" data-key="demo" data-locale="en" async></script></body></html>`,
        { headers: { 'content-type': 'text/html; charset=utf-8' } },
      ),
    );
    const site = await (browser as Browser).newContext({ viewport: { width: 1024, height: 760 } });
    const sitePage = await site.newPage();
    watch(sitePage);
    try {
      await sitePage.goto(host.url);
      await sitePage.getByRole('button', { name: en.widgetOpen }).click();
      await bubbles(sitePage, GREETING).waitFor();
      await sitePage.getByRole('group', { name: en.widgetQuickReplies }).getByRole('button', { name: 'Track my order' }).click();
      await bubbles(sitePage, ORDER_QUESTION).waitFor();
      const bubble = bubbles(sitePage, ORDER_QUESTION);
      const style = await bubble.evaluate((node) => ({ color: getComputedStyle(node).color, font: getComputedStyle(node).fontFamily }));
      expect(style.color).toBe('rgb(21, 25, 31)');
      expect(style.font).not.toMatch(/^serif/);
      await shot(sitePage, 'chat-host-page.png');
    } finally {
      await site.close();
      await host.close();
    }
  });

  it('says so on the demo page when no flow answers the key', async () => {
    await page.goto(url('/chat?key=nobody'));
    await page.getByRole('heading', { name: en.chatDemoMissingTitle.replace('{key}', 'nobody') }).waitFor();
    await page.getByText('npx switchboard binding set webchat nobody order-status').waitFor();
    expect(await page.locator('[data-switchboard-webchat]').count()).toBe(0);
    const preflight = await fetch(url('/api/webchat/demo/messages'), {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const unknown = await fetch(url('/api/webchat/nobody/config'));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('unknown_key');
    expect(browserErrors).toEqual([]);
  });
});
