// The agent desktop in a real browser against the built app, beside a customer in the web chat:
// the bot hands off, the agent claims the conversation and sees the bot's history, replies (the
// customer sees it live), fills a canned response, writes an internal note, resolves with a
// disposition; the customer answers the CSAT question and the score is stored. Then three agents
// with different skills and capacities each see exactly the assignments routing's rules give.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '@/server/testing/apiClient';
import { deskFlowFor } from '@/server/testing/deskFixture';
import { createOwner } from './testing/accounts';
import { messages } from './i18n/messages';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const en = messages.en;
const th = messages.th;
const PASSWORD = 'correct horse battery';
const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: PASSWORD };

describe('agent desktop (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let admin: ApiClient;
  const pages: Page[] = [];
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });

  const newPage = async (options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await (browser as Browser).newContext({ viewport: { width: 1440, height: 900 }, ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    collectBrowserErrors(page, browserErrors);
    pages.push(page);
    return { context, page };
  };
  const cookieOf = async (context: BrowserContext) => (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const signInAs = async (page: Page, email: string, at = '/agent') => {
    await page.goto(url(`/sign-in?next=${encodeURIComponent(at)}`));
    await page.getByLabel(en.fieldEmail, { exact: true }).fill(email);
    await page.getByLabel(en.fieldPassword, { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: en.signInButton }).click();
    await page.waitForURL((target) => target.pathname === at);
  };
  const agentAccount = async (name: string, capacity: number, skills: { skill: string; level: number }[] = []) => {
    const email = `${name.toLowerCase()}@example.com`;
    const user = await admin.users.create.mutate({ name, email, password: PASSWORD, role: 'agent' });
    await admin.routing.agents.update.mutate({ userId: user.id, capacity: { webchat: capacity, api: capacity }, skills });
    return { id: user.id, email, name };
  };
  const publishFlow = async (id: string, queue: string) => {
    await admin.flows.import.mutate({ document: deskFlowFor(id, queue) });
    await admin.flows.publish.mutate({ id });
  };
  const assignedList = (page: Page) => page.getByRole('region', { name: en.deskAssigned }).getByRole('listitem');
  const waitingList = (page: Page) => page.getByRole('region', { name: en.deskWaiting }).getByRole('listitem');
  const bubbles = (page: Page, text: string) => page.locator('.bubble').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    await ensureBuild();
    server = await startNextServer();
    const { context, page } = await newPage();
    await createOwner(page, url(''), OWNER);
    admin = apiClient(url(''), await cookieOf(context));
    await publishFlow('desk-support', 'support');
    await admin.bindings.set.mutate({ channel: 'webchat', address: 'desk', flowId: 'desk-support' });
    await admin.desk.canned.upsert.mutate({ title: 'Order greeting', shortcut: 'order', text: 'Thanks for waiting! I have order {{ vars.order }} open.' });
  }, 400_000);

  beforeEach(({ onTestFailed }) => {
    onTestFailed(async ({ task }) => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
      for (const [index, page] of pages.entries()) await page.screenshot({ path: path.join(ARTIFACTS, `failed-agent-${name}-${index}.png`) }).catch(() => undefined);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('takes a web chat from the bot to the agent and back to the CSAT survey', async () => {
    const ana = await agentAccount('Ana', 2);
    const { page: agent } = await newPage();
    await signInAs(agent, ana.email);
    await agent.getByRole('heading', { name: en.deskNoConversationTitle }).waitFor();
    await agent.getByText(en.deskLive).waitFor();
    await agent.getByText(en.deskWaitingEmpty).waitFor();

    const { page: customer } = await newPage();
    await customer.goto(url('/chat?key=desk'));
    await customer.getByRole('button', { name: en.widgetOpen }).click();
    await bubbles(customer, 'What is your order number?').waitFor();
    const input = customer.getByRole('textbox', { name: en.widgetInputLabel });
    await input.fill('ORD-77');
    await input.press('Enter');
    await bubbles(customer, 'Connecting you to a person.').waitFor();

    // Ana is offline: the handoff waits in her queue, live, and she claims it.
    const waiting = waitingList(agent).filter({ hasText: 'Order ORD-77' });
    await waiting.waitFor();
    // Her queues' figures count it (polled and refetched with the inbox).
    const queueRow = agent.getByRole('region', { name: en.deskQueues }).locator('[data-queue="support"]');
    await expect.poll(() => queueRow.textContent()).toContain('1 waiting');
    await waiting.getByRole('button').click();
    await agent.getByRole('heading', { name: en.deskUnknownCustomer, level: 1 }).waitFor();
    const timeline = agent.getByRole('log', { name: en.deskTimeline });
    for (const text of ['What is your order number?', 'ORD-77', 'Connecting you to a person.']) await timeline.getByText(text, { exact: true }).waitFor();
    await timeline.getByText(en.deskEnteredNode.replace('{node}', 'agent · handoff')).waitFor();
    await agent.getByRole('complementary').getByText('Order ORD-77: customer wants a person').waitFor();
    await agent.getByRole('button', { name: en.deskClaim }).first().click();
    await agent.getByText(en.deskClaimed).waitFor();
    await assignedList(agent).filter({ hasText: 'Order ORD-77' }).waitFor();

    // Enter sends; the customer sees the reply without reloading.
    const reply = agent.getByRole('textbox', { name: en.deskReplyLabel });
    await reply.fill('Hi! I am Ana and I can help with that.');
    await reply.press('Enter');
    await bubbles(customer, 'Hi! I am Ana and I can help with that.').waitFor();
    await timeline.getByText('Hi! I am Ana and I can help with that.').waitFor();
    expect(await reply.inputValue()).toBe('');

    // The customer writes back; the desktop shows it live.
    await input.fill('Great, where is it?');
    await input.press('Enter');
    await timeline.getByText('Great, where is it?').waitFor();

    // A canned response, filled from the conversation, picked with the keyboard.
    await reply.fill('/');
    await agent.getByRole('combobox', { name: en.deskCannedSearch }).fill('order');
    await agent.keyboard.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Thanks for waiting! I have order ORD-77 open.');
    await reply.press('Shift+Enter');
    await reply.pressSequentially('It ships tomorrow.');
    expect(await reply.inputValue()).toBe('Thanks for waiting! I have order ORD-77 open.\nIt ships tomorrow.');
    await reply.press('Enter');
    await bubbles(customer, 'It ships tomorrow.').waitFor();

    // An internal note: on the desktop, never in the chat.
    await agent.getByRole('button', { name: en.deskModeNote }).click();
    const note = agent.getByRole('textbox', { name: en.deskNoteLabel });
    await note.fill('VIP customer; offer express shipping next time.');
    await note.press('Enter');
    await timeline.getByTestId('desk-note').filter({ hasText: 'VIP customer' }).waitFor();
    await agent.getByRole('button', { name: en.deskModeReply }).click();
    await shot(agent, 'agent-desk-en.png');
    await shot(customer, 'agent-desk-customer-chat.png');

    // Resolve with a disposition: the flow goes on to the survey.
    await agent.getByRole('button', { name: en.deskResolve }).click();
    const dialog = agent.getByRole('dialog', { name: en.deskResolveTitle });
    await dialog.getByLabel(en.deskDispositionInfo).check();
    await shot(agent, 'agent-desk-resolve-dialog.png');
    await dialog.getByRole('button', { name: en.deskResolveConfirm }).click();
    await agent.getByText(en.deskResolved).waitFor();
    await bubbles(customer, 'How did we do? Answer 1 to 5.').waitFor();
    expect(await bubbles(customer, 'VIP customer').count()).toBe(0);
    await input.fill('5');
    await input.press('Enter');
    await bubbles(customer, 'Thank you!').waitFor();

    // The open conversation updates live: ended, with the CSAT score.
    await agent.getByText(en.deskEndedNote).waitFor();
    const insights = agent.getByRole('region', { name: en.deskInsights });
    await insights.getByText(en.deskSurveyCsat).waitFor();
    expect(await insights.getByText('5', { exact: true }).count()).toBe(1);
    await expect.poll(async () => (await assignedList(agent).count())).toBe(0);
    const conversationId = new URL(agent.url()).searchParams.get('conversation') ?? '';
    const stored = await admin.desk.conversation.query({ id: conversationId });
    expect(stored).toMatchObject({ status: 'ended', outcome: 'resolved', vars: { order: 'ORD-77', csat: 5 }, surveys: [{ variable: 'csat', kind: 'csat', value: 5 }] });
    await shot(agent, 'agent-desk-resolved.png');

    // The same desk in Thai.
    await agent.goto(url(`/agent?lang=th&conversation=${conversationId}`));
    await agent.getByRole('heading', { name: th.deskInbox }).waitFor();
    await agent.getByRole('region', { name: th.deskHistory }).waitFor();
    await agent.getByText(th.deskEndedNote).waitFor();
    await shot(agent, 'agent-desk-th.png');
    expect(browserErrors).toEqual([]);
  }, 180_000);

  it('shows three agents exactly the assignments the routing rules give', async () => {
    await admin.routing.queues.upsert.mutate({ id: 'billing', name: 'Billing', requiredSkills: [{ skill: 'billing', minLevel: 1 }] });
    await admin.routing.queues.upsert.mutate({ id: 'tech', name: 'Tech support', requiredSkills: [{ skill: 'tech', minLevel: 1 }] });
    await publishFlow('desk-billing', 'billing');
    await publishFlow('desk-tech', 'tech');
    await admin.bindings.set.mutate({ channel: 'webchat', address: 'billing', flowId: 'desk-billing' });
    await admin.bindings.set.mutate({ channel: 'webchat', address: 'tech', flowId: 'desk-tech' });
    const bea = await agentAccount('Bea', 2, [{ skill: 'billing', level: 2 }]);
    const tom = await agentAccount('Tom', 3, [{ skill: 'tech', level: 3 }]);
    const cat = await agentAccount('Cat', 1, [
      { skill: 'billing', level: 1 },
      { skill: 'tech', level: 1 },
    ]);

    // Ten customers hand off, oldest first: b1 t1 b2 t2 … b5 t5 (each chat names its order).
    const order: string[] = [];
    for (let i = 1; i <= 5; i++) order.push(`b${i}`, `t${i}`);
    for (const label of order) {
      // A fresh browser per customer: a new visitor, so a new contact and conversation.
      const { context, page: customer } = await newPage();
      await customer.goto(url(`/chat?key=${label.startsWith('b') ? 'billing' : 'tech'}`));
      await customer.getByRole('button', { name: en.widgetOpen }).click();
      await bubbles(customer, 'What is your order number?').waitFor();
      const input = customer.getByRole('textbox', { name: en.widgetInputLabel });
      await input.fill(`ORD-${label}`);
      await input.press('Enter');
      await bubbles(customer, 'Connecting you to a person.').waitFor();
      pages.splice(pages.indexOf(customer), 1);
      await context.close();
    }

    const desks: Record<string, Page> = {};
    for (const who of [cat, bea, tom]) {
      const { page } = await newPage();
      await signInAs(page, who.email);
      desks[who.name] = page;
    }
    const listed = async (page: Page, list: 'assigned' | 'waiting') => {
      const items = list === 'assigned' ? assignedList(page) : waitingList(page);
      const texts = await items.allTextContents();
      return texts.map((text) => /ORD-([bt]\d)/.exec(text)?.[1] ?? '?').sort();
    };
    // Before anyone is available every desk shows only its queues' waiting conversations.
    await expect.poll(() => listed(desks.Bea as Page, 'waiting')).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    await expect.poll(() => listed(desks.Tom as Page, 'waiting')).toEqual(['t1', 't2', 't3', 't4', 't5']);
    await expect.poll(() => listed(desks.Cat as Page, 'waiting')).toEqual(order.slice().sort());

    // One after another they become available (the presence switch): the oldest work they
    // qualify for, up to their capacity. Cat (1 slot) gets b1; Bea (2) b2 and b3; Tom (3) t1–t3.
    const expected: Record<string, string[]> = { Cat: ['b1'], Bea: ['b2', 'b3'], Tom: ['t1', 't2', 't3'] };
    for (const name of ['Cat', 'Bea', 'Tom']) {
      const page = desks[name] as Page;
      await page.getByLabel(en.deskPresence).selectOption('available');
      await expect.poll(() => listed(page, 'assigned'), { timeout: 15_000 }).toEqual(expected[name]);
    }
    // Every desk still shows exactly that, live, and what is left waiting in its queues.
    for (const [name, assigned] of Object.entries(expected)) expect(await listed(desks[name] as Page, 'assigned')).toEqual(assigned);
    await expect.poll(() => listed(desks.Bea as Page, 'waiting')).toEqual(['b4', 'b5']);
    await expect.poll(() => listed(desks.Tom as Page, 'waiting')).toEqual(['t4', 't5']);
    await expect.poll(() => listed(desks.Cat as Page, 'waiting')).toEqual(['b4', 'b5', 't4', 't5']);
    await shot(desks.Tom as Page, 'agent-desk-three-agents-tom.png');
    await shot(desks.Cat as Page, 'agent-desk-three-agents-cat.png');
    expect(browserErrors).toEqual([]);
  }, 240_000);
});
