// The cross-channel journey end to end, black-box over real protocols against the built app:
// a call (signed Twilio webhooks) through the IVR menu of the delivery-change example, an SMS
// with a web-chat link posted to a fake Twilio REST API, the customer continuing in Chromium,
// an agent on /agent taking over and resolving, the CSAT question mailed to a fake SMTP server
// and answered by real SMTP to our inbound server. One conversation, one transcript.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtp, type FakeSmtp } from '@/server/channels/email/fakeSmtp';
import { startFakeTwilio, type FakeTwilio } from '@/server/channels/twilio/fakeTwilio';
import { signTwilio } from '@/server/channels/twilio/signature';
import { apiClient, signIn, type ApiClient } from '@/server/testing/apiClient';
import { startMockHttp, type MockHttpServer } from '@/server/testing/mockHttp';
import { messages } from './i18n/messages';
import { collectBrowserErrors, launchChromium } from './testing/chromium';
import { ensureBuild, freePort, startNextServer, type NextServer } from './testing/nextServer';

const ARTIFACTS = path.resolve('artifacts');
const en = messages.en;
const PASSWORD = 'correct horse battery';
const OWNER = { name: 'Olivia Owner', email: 'owner@example.com', password: PASSWORD };
const AGENT = { name: 'Dao', email: 'dao@example.com', password: PASSWORD };
const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'twilio-e2e-auth-token-0123456789';
const OUR_NUMBER = '+6621234567';
const CALLER = '+66812345678';
const MAIL_DOMAIN = 'parcels.test';
const CUSTOMER_EMAIL = 'malee@example.com';
/** The CRM answers as in the example's own happy-path journey. */
const JOURNEY = path.resolve('flows/examples/delivery-change.call-sms-chat-agent-email-csat.journey.json');

interface ApiConversation {
  id: string;
  status: string;
  at: string | null;
  outcome: string | null;
  vars: Record<string, unknown>;
  messages: { direction: string; channel: string; text: string }[];
}

describe('one journey across voice, SMS, web chat and email (browser)', () => {
  let server: NextServer | undefined;
  let browser: Browser | undefined;
  let twilio: FakeTwilio;
  let smtp: FakeSmtp;
  let crm: MockHttpServer;
  let smtpInboundPort = 0;
  let admin: ApiClient;
  let apiKey = '';
  const browserErrors: string[] = [];
  const url = (at: string) => `${server?.url ?? ''}${at}`;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, name) });
  const bubbles = (page: Page, text: string) => page.locator('.bubble').filter({ hasText: text });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    twilio = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
    smtp = await startFakeSmtp('mailer', 'smtp secret');
    crm = await startMockHttp();
    crm.use(JSON.parse(readFileSync(JOURNEY, 'utf8')).mocks.http);
    smtpInboundPort = await freePort();
    await ensureBuild();
    server = await startNextServer((origin) => ({
      SWITCHBOARD_PUBLIC_URL: origin,
      SWITCHBOARD_HTTP_REWRITE: crm.rewrites(['https://crm.swiftparcel.example']),
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      SMTP_URL: smtp.url,
      EMAIL_FROM: `Swift Parcel <care@${MAIL_DOMAIN}>`,
      EMAIL_INBOUND_DOMAIN: MAIL_DOMAIN,
      SMTP_INBOUND_HOST: '127.0.0.1',
      SMTP_INBOUND_PORT: String(smtpInboundPort),
    }));
    await apiClient(url('')).setup.createOwner.mutate(OWNER);
    admin = apiClient(url(''), await signIn(url(''), OWNER.email, OWNER.password));
    // The examples are seeded on the first start; calls to our number run delivery-change.
    await admin.bindings.set.mutate({ channel: 'voice', address: OUR_NUMBER, flowId: 'delivery-change' });
    const agent = await admin.users.create.mutate({ ...AGENT, role: 'agent' });
    await admin.routing.agents.update.mutate({ userId: agent.id, capacity: { webchat: 2, voice: 1, email: 2 }, skills: [{ skill: 'deliveries', level: 3 }] });
    apiKey = (await admin.apiKeys.create.mutate({ name: 'cross-channel test' })).key;
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    const code = await server?.stop();
    if (code !== undefined && code !== 0) console.log(server?.output().slice(-4000));
    await twilio?.close();
    await smtp?.close();
    await crm?.close();
  }, 30_000);

  /** POSTs a Twilio webhook signed over the URL it calls, as Twilio does. */
  async function webhook(at: string, params: Record<string, string>): Promise<{ status: number; twiml: string }> {
    const target = url(`/api/channels/twilio/${at}`);
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilio(target, params, AUTH_TOKEN) },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, twiml: await response.text() };
  }

  async function conversation(id: string): Promise<ApiConversation> {
    const response = await fetch(url(`/api/v1/conversations/${id}`), { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    return response.json();
  }

  async function freshContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await (browser as Browser).newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    collectBrowserErrors(page, browserErrors);
    return { context, page };
  }

  /** Sends a mail to our inbound SMTP server as the customer's mail client would. */
  async function mailUs(mail: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]): Promise<void> {
    const transport = createTransport({ host: '127.0.0.1', port: smtpInboundPort, secure: false, ignoreTLS: true });
    try {
      await transport.sendMail(mail);
    } finally {
      transport.close();
    }
  }

  it('calls, continues in web chat from the SMS link, talks to an agent and rates by email: one conversation', async () => {
    // 1. The call: the first webhook says the welcome and the menu inside a Gather of one key.
    const call = { CallSid: `CA${'e2e0'.repeat(8)}`, AccountSid: ACCOUNT_SID, From: CALLER, To: OUR_NUMBER, CallStatus: 'ringing' };
    const answered = await webhook('voice', call);
    expect(answered.status).toBe(200);
    expect(answered.twiml).toContain(`<Gather input="dtmf speech" action="${url('/api/channels/twilio/voice/gather?step=1')}" method="POST"`);
    expect(answered.twiml).toContain('numDigits="1"');
    expect(answered.twiml).toMatch(/<Gather[^>]*><Say language="th-TH">สวิฟต์พาร์เซล สวัสดีค่ะคุณมาลี<\/Say><Say language="th-TH">[^<]*พัสดุ SP-4417 กด 1[^<]*<\/Say><\/Gather><\/Response>$/);

    // 2. DTMF 1: told about the SMS, then the call hangs up; the SMS with the link goes to Twilio.
    const pressed = await webhook('voice/gather?step=1', { ...call, CallStatus: 'in-progress', Digits: '1' });
    expect(pressed.twiml).toMatch(/<Say language="th-TH">เราส่งลิงก์แชททาง SMS[^<]*<\/Say><Hangup\/><\/Response>$/);
    const [sms] = await twilio.waitForMessages(1, 15_000);
    expect(sms).toMatchObject({ to: CALLER, from: OUR_NUMBER });
    const link = new RegExp(`${url('/chat/continue/')}[A-Za-z0-9_-]+`).exec(sms?.body ?? '')?.[0];
    expect(link, sms?.body).toBeDefined();
    // Twilio retries the webhook: the same TwiML, nothing applied twice, no second SMS.
    const replayed = await webhook('voice/gather?step=1', { ...call, CallStatus: 'in-progress', Digits: '1' });
    expect(replayed.twiml).toBe(pressed.twiml);
    expect((await webhook('voice/status', { ...call, CallStatus: 'completed', CallDuration: '41' })).status).toBe(200);

    // 3. The customer opens the link from the SMS: the widget shows the call so far, labelled.
    const { page: customer } = await freshContext();
    const exchanged = customer.waitForResponse((response) => response.url().endsWith('/continue') && response.request().method() === 'POST');
    await customer.goto(link ?? '');
    const { conversationId } = (await (await exchanged).json()) as { conversationId: string };
    await bubbles(customer, 'สวิฟต์พาร์เซล สวัสดีค่ะคุณมาลี').waitFor();
    await bubbles(customer, 'เราส่งลิงก์แชททาง SMS').waitFor();
    await bubbles(customer, 'ทางแชทได้ที่').waitFor();
    expect(await customer.locator('.via').filter({ hasText: en.widgetViaVoice }).count()).toBeGreaterThanOrEqual(3);
    expect(await customer.locator('.via').filter({ hasText: en.widgetViaSms }).count()).toBe(1);
    expect(await conversation(conversationId)).toMatchObject({ status: 'active', at: 'sms-link' });
    await shot(customer, 'cross-channel-customer-history.png');
    const chat = customer.getByRole('textbox', { name: en.widgetInputLabel });
    await chat.fill('Can it come on Saturday instead? I am out on Tuesday.');
    await chat.press('Enter');
    await bubbles(customer, 'พัสดุ SP-4417 กำหนดส่ง 2026-03-03').waitFor();
    await bubbles(customer, 'เจ้าหน้าที่จะเข้ามาตอบในแชทนี้').waitFor();

    // 4. The agent finds it waiting in the deliveries queue with the IVR and bot history.
    const { page: agent } = await freshContext();
    await agent.goto(url('/sign-in?next=%2Fagent'));
    await agent.getByLabel(en.fieldEmail, { exact: true }).fill(AGENT.email);
    await agent.getByLabel(en.fieldPassword, { exact: true }).fill(AGENT.password);
    await agent.getByRole('button', { name: en.signInButton }).click();
    await agent.waitForURL((at) => at.pathname === '/agent');
    const waiting = agent.getByRole('region', { name: en.deskWaiting }).getByRole('listitem').filter({ hasText: 'SP-4417' });
    await waiting.waitFor();
    await waiting.getByRole('button').click();
    await agent.waitForURL((at) => at.searchParams.get('conversation') === conversationId);
    const timeline = agent.getByRole('log', { name: en.deskTimeline });
    for (const text of ['สวิฟต์พาร์เซล สวัสดีค่ะคุณมาลี', '#1', 'Can it come on Saturday instead? I am out on Tuesday.']) await timeline.getByText(text, { exact: true }).waitFor();
    await timeline.getByText(en.deskEnteredNode.replace('{node}', 'main-menu · menu')).waitFor();
    await timeline.getByText(en.deskEnteredNode.replace('{node}', 'delivery-handoff · handoff')).waitFor();
    await shot(agent, 'cross-channel-agent-history.png');
    await agent.evaluate(`document.querySelector('[role="log"][aria-label="${en.deskTimeline}"]').scrollTop = 0`);
    await shot(agent, 'cross-channel-agent-history-top.png');
    await agent.getByRole('button', { name: en.deskClaim }).first().click();
    await agent.getByText(en.deskClaimed).waitFor();
    const reply = agent.getByRole('textbox', { name: en.deskReplyLabel });
    await reply.fill('Hi Malee, Saturday 7 March works: I have moved parcel SP-4417 for you.');
    await reply.press('Enter');
    await bubbles(customer, 'Saturday 7 March works').waitFor();
    await timeline.getByText('Hi Malee, Saturday 7 March works: I have moved parcel SP-4417 for you.').waitFor();
    await expect.poll(() => reply.inputValue()).toBe('');
    await shot(customer, 'cross-channel-customer-chat.png');
    await shot(agent, 'cross-channel-agent-desk.png');
    await agent.getByRole('button', { name: en.deskResolve }).click();
    const resolve = agent.getByRole('dialog', { name: en.deskResolveTitle });
    await resolve.getByLabel(en.deskDispositionSolved).check();
    await resolve.getByRole('button', { name: en.deskResolveConfirm }).click();
    await agent.getByText(en.deskResolved).waitFor();

    // 5. The CSAT question arrives by email, addressed for replies into this conversation.
    const question = await mailTo(CUSTOMER_EMAIL, 1);
    expect(question.from?.value[0]).toMatchObject({ address: `care@${MAIL_DOMAIN}`, name: 'Swift Parcel' });
    expect(question.to && !Array.isArray(question.to) ? question.to.value[0]?.address : undefined).toBe(CUSTOMER_EMAIL);
    expect(question.replyTo?.value[0]?.address).toBe(`reply+${conversationId}@${MAIL_DOMAIN}`);
    expect(question.subject).toBe('Parcel delivery hotline');
    expect(question.messageId).toMatch(new RegExp(`^<[0-9a-f]{40}@${MAIL_DOMAIN.replace('.', '\\.')}>$`));
    expect(question.inReplyTo).toBeUndefined();
    // Just the question: the scale's chat buttons are not listed on email.
    expect(question.text?.trim()).toBe('ขอบคุณที่ติดต่อสวิฟต์พาร์เซลค่ะ คุณพึงพอใจกับบริการครั้งนี้มากน้อยเพียงใด ตอบกลับอีเมลนี้ด้วยตัวเลข 1 (ไม่พอใจมาก) ถึง 5 (พอใจมาก)');

    // 6. The customer replies "5" above the quoted question, from Gmail in Thai (which wraps the
    // attribution over two lines); the score lands and the journey ends.
    const answer = {
      from: `Malee <${CUSTOMER_EMAIL}>`,
      to: question.replyTo?.value[0]?.address ?? '',
      subject: `Re: ${question.subject ?? ''}`,
      text: `5\n\nเมื่อ จ. 2 มี.ค. 2026 เวลา 14:20 Swift Parcel <care@${MAIL_DOMAIN}>\nเขียนว่า:\n\n> ${question.text?.trim() ?? ''}`,
      messageId: '<csat-answer-1@example.com>',
      inReplyTo: question.messageId ?? '',
      references: [question.messageId ?? ''],
    };
    await mailUs(answer);
    const thanks = await mailTo(CUSTOMER_EMAIL, 2);
    expect(thanks.text).toContain('ขอบคุณสำหรับคะแนน 5');
    expect(thanks.subject).toBe('Parcel delivery hotline');
    expect(thanks.inReplyTo).toBe('<csat-answer-1@example.com>');
    expect(thanks.references).toEqual(expect.arrayContaining([question.messageId, '<csat-answer-1@example.com>']));
    await expect.poll(async () => (await conversation(conversationId)).status, { timeout: 15_000 }).toBe('ended');
    await agent.getByText(en.deskEndedNote).waitFor();

    // 7. Late retries, after the journey has ended on another channel: the mail server resends
    // the answer, Twilio the call's first webhook and its status. Each is accepted, none applied again.
    const before = await conversation(conversationId);
    await mailUs(answer);
    const lateAnswer = await webhook('voice', call);
    expect(lateAnswer).toEqual(answered);
    expect((await webhook('voice/status', { ...call, CallStatus: 'completed', CallDuration: '41' })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await conversation(conversationId)).messages).toEqual(before.messages);
    expect(smtp.received.filter((entry) => entry.envelopeTo.includes(CUSTOMER_EMAIL))).toHaveLength(2);
    expect(twilio.messages).toHaveLength(1);

    // One conversation, one transcript: voice, then SMS, web chat and email, in that order.
    const ended = await conversation(conversationId);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'resolved', vars: { csat: 5, parcelId: 'SP-4417' } });
    const runs = ended.messages.map((m) => m.channel).filter((channel, i, all) => channel !== all[i - 1]);
    expect(runs).toEqual(['voice', 'sms', 'webchat', 'email']);
    const lines = ended.messages.map((m) => `${m.direction} ${m.channel}: ${m.text}`);
    expect(lines).toEqual(
      expect.arrayContaining(['in voice: #1', 'in webchat: Can it come on Saturday instead? I am out on Tuesday.', 'in email: 5']),
    );
    expect(lines.filter((line) => line === 'in email: 5')).toHaveLength(1);
    expect(lines.filter((line) => line === 'in voice: #1')).toHaveLength(1);
    const desk = await admin.desk.conversation.query({ id: conversationId });
    expect(desk).toMatchObject({ surveys: [{ variable: 'csat', kind: 'csat', value: 5 }], past: [] });
    expect(desk.contact.identities.map((identity) => identity.channel).sort()).toEqual(['email', 'phone', 'webchat']);
    await shot(agent, 'cross-channel-agent-desk-ended.png');
    expect(browserErrors).toEqual([]);
  }, 240_000);

  /** The `count`-th mail the fake SMTP server got for `address`. */
  async function mailTo(address: string, count: number) {
    await expect.poll(() => smtp.received.filter((entry) => entry.envelopeTo.includes(address)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
    const mail = smtp.received.filter((entry) => entry.envelopeTo.includes(address))[count - 1]?.mail;
    if (!mail) throw new Error(`no mail ${count} for ${address}`);
    return mail;
  }
});
