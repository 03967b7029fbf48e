// The email channel end to end, with real SMTP both ways: the test mails our inbound
// SMTP server (started by createServices from SMTP_INBOUND_PORT) with nodemailer; our answers
// go to a fake SMTP server that checks the credentials and keeps what it receives.
import { count, eq } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { conversations, emailOutbound, events } from '../../db/schema';
import { readFlowDocument } from '../../flows/document';
import { createFlow } from '../../flows/flowStore';
import { publishDraft } from '../../flows/publishing';
import { setBinding } from '../../runtime/bindings';
import { conversationView } from '../../runtime/conversationView';
import { startApi, type ApiHarness } from '../../testing/apiHarness';
import type { DatabaseKind } from '../../testing/database';
import { emailAdapter } from './adapter';
import { startFakeSmtp, type FakeSmtp } from './fakeSmtp';
import { shopFlowFor } from '../../testing/shopFlow';

const INBOX = 'support@acme.test';
const SECRET = 'inbound-parse-secret';

const mailFlow = shopFlowFor({ id: 'mail-shop', name: 'Mail shop', channel: 'email', prompt: 'Hello! Shall we <track> your order or say goodbye?\nPick one:', trackLabel: 'Track my order', goodbye: 'Thanks for writing!', timeout: '1d' });

export function describeEmailContract(kind: DatabaseKind): void {
  describe(`email channel (${kind})`, () => {
    let outbound: FakeSmtp;
    let api: ApiHarness;

    beforeAll(async () => {
      outbound = await startFakeSmtp('mailer', 'p@ss word');
      vi.stubEnv('SMTP_URL', outbound.url);
      vi.stubEnv('EMAIL_FROM', 'Acme Support <support@acme.test>');
      vi.stubEnv('EMAIL_INBOUND_DOMAIN', 'acme.test');
      vi.stubEnv('SMTP_INBOUND_PORT', '0');
      vi.stubEnv('SMTP_INBOUND_HOST', '127.0.0.1');
      vi.stubEnv('EMAIL_INBOUND_SECRET', SECRET);
      api = await startApi(kind);
      const doc = readFlowDocument(mailFlow);
      await createFlow(api.services.db, { id: doc.id, name: doc.name, content: doc }, null);
      await publishDraft(api.services.db, { id: doc.id }, null);
      // Only the support inbox answers: a reply address finds its flow through its thread.
      await setBinding(api.services.db, { channel: 'email', address: INBOX, flowId: 'mail-shop' });
    });
    afterAll(async () => {
      await api?.close();
      await outbound?.close();
      vi.unstubAllEnvs();
    });

    /** Mails our inbound SMTP server as a customer's mail client would; waits until applied. */
    async function mail(message: { from: string; to?: string; subject?: string; text?: string; html?: string; messageId: string; inReplyTo?: string; references?: string[] }) {
      const port = api.services.smtpInboundPort;
      if (port === undefined) throw new Error('createServices did not start the SMTP server');
      const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      await transport.sendMail({ to: INBOX, ...message });
      transport.close();
      await api.services.runtime.idle();
    }

    const eventCount = async () => (await api.services.db.select({ n: count() }).from(events))[0]?.n ?? 0;
    const received = (to: string) => outbound.received.filter((entry) => entry.envelopeTo.includes(to)).map((entry) => entry.mail);

    it('answers a mail in its thread; the reply above a quoted mail goes on with the journey', async () => {
      await mail({ from: 'Ana Lima <ana@customer.test>', subject: 'Where is my order?', text: 'Hi, where is my order?', messageId: '<first@customer.test>' });
      const [answer] = received('ana@customer.test');
      expect(outbound.received.at(-1)?.user).toBe('mailer');
      const [conversation] = await api.services.db.select().from(conversations).where(eq(conversations.channel, 'email'));
      expect(conversation).toMatchObject({ flowId: 'mail-shop', status: 'active', at: 'menu' });
      expect(answer?.from?.value[0]).toMatchObject({ address: 'support@acme.test', name: 'Acme Support' });
      expect(answer?.replyTo?.value[0]?.address).toBe(`reply+${conversation?.id}@acme.test`);
      expect(answer?.subject).toBe('Re: Where is my order?');
      expect(answer?.inReplyTo).toBe('<first@customer.test>');
      expect(answer?.messageId).toMatch(/^<[0-9a-f]{40}@acme\.test>$/);
      expect(answer?.text?.trim()).toBe('Hello! Shall we <track> your order or say goodbye?\nPick one:');
      expect(answer?.html).toContain('<p>Hello! Shall we &#60;track&#62; your order or say goodbye?<br>Pick one:</p>');
      const [stored] = await api.services.db.select().from(emailOutbound).where(eq(emailOutbound.conversationId, conversation?.id ?? ''));
      expect(`<${stored?.messageId}>`).toBe(answer?.messageId);
      expect(stored?.status).toBe('sent');

      // The customer answers above the quoted mail, from Gmail.
      await mail({
        from: 'ana@customer.test',
        subject: 'Re: Where is my order?',
        text: `Track it please\n\nOn Mon, 2 Mar 2026 at 10:00, Acme Support <support@acme.test>\nwrote:\n> Hello! Shall we track your order?\n> 1. Track my order`,
        messageId: '<second@customer.test>',
        inReplyTo: answer?.messageId ?? '',
        references: ['<first@customer.test>', answer?.messageId ?? ''],
      });
      const view = await conversationView(api.services.db, conversation?.id ?? '');
      expect(view).toMatchObject({ status: 'ended', outcome: 'resolved' });
      expect(view.messages.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['Hi, where is my order?', 'Track it please']);
      const replies = received('ana@customer.test').slice(1);
      expect(replies.map((m) => m.text?.trim())).toEqual(['It ships tomorrow.', 'Thanks for writing!']);
      for (const reply of replies) {
        expect(reply.subject).toBe('Re: Where is my order?');
        expect(reply.inReplyTo).toBe('<second@customer.test>');
        expect(reply.references).toEqual(expect.arrayContaining(['<first@customer.test>', answer?.messageId, '<second@customer.test>']));
      }
    });

    it('applies a replayed Message-ID once', async () => {
      const message = { from: 'bo@customer.test', subject: 'Hello', text: 'Hello there', messageId: '<replayed@customer.test>' };
      await mail(message);
      const stored = await eventCount();
      const sent = outbound.received.length;
      await mail(message);
      expect(await eventCount()).toBe(stored);
      expect(outbound.received).toHaveLength(sent);
    });

    it('threads a reply to an ended conversation back to its inbox’s flow, but only for its own contact', async () => {
      const [ended] = await api.services.db.select().from(conversations).where(eq(conversations.status, 'ended'));
      if (!ended) throw new Error('the first test ends a conversation');
      // To the reply address only: no binding answers it, its thread names the support inbox.
      await mail({ from: 'ana@customer.test', to: `reply+${ended.id}@acme.test`, subject: 'Re: Where is my order?', text: 'One more thing', messageId: '<third@customer.test>' });
      const ana = await api.services.db.select().from(conversations).where(eq(conversations.contactId, ended.contactId));
      expect(ana.map((c) => c.status).sort()).toEqual(['active', 'ended']);

      // Someone else writing to Ana's reply address is not let into her thread: no flow answers them.
      const before = await eventCount();
      const response = await fetch(`${api.url}/api/channels/email/inbound`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'mallory@evil.test', to: `reply+${ended.id}@acme.test`, subject: 'Re: Where is my order?', text: 'Let me in', headers: 'Message-ID: <mallory@evil.test>\r\n' }),
      });
      expect(response.status).toBe(409);
      expect(await eventCount()).toBe(before);
    });

    it('takes provider webhooks with the shared secret only: form or JSON, HTML-only mail as text', async () => {
      const url = `${api.url}/api/channels/email/inbound`;
      const form = new FormData();
      form.set('from', 'Chai <chai@customer.test>');
      form.set('to', INBOX);
      form.set('subject', 'Refund');
      form.set('text', 'I want a refund');
      form.set('headers', 'Message-ID: <webhook-1@customer.test>\r\nFrom: chai@customer.test\r\n');
      const before = await eventCount();
      expect((await fetch(`${url}?secret=wrong`, { method: 'POST', body: form })).status).toBe(401);
      expect((await fetch(url, { method: 'POST', body: form })).status).toBe(401);
      expect((await fetch(url, { method: 'POST', headers: { authorization: 'Bearer nope' }, body: form })).status).toBe(401);
      expect(await eventCount()).toBe(before);

      const accepted = await fetch(`${url}?secret=${SECRET}`, { method: 'POST', body: form });
      expect(accepted.status).toBe(202);
      const { conversationId } = await accepted.json();
      const again = await fetch(`${url}?secret=${SECRET}`, { method: 'POST', body: form });
      expect((await again.json()).conversationId).toBe(conversationId);
      expect(await eventCount()).toBe(before + 1);

      const html = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: 'dao@customer.test', to: INBOX, subject: 'Hi', html: '<p>Hello <b>there</b></p><blockquote>old</blockquote>', headers: 'Message-ID: <webhook-2@customer.test>\r\n' }),
      });
      expect(html.status).toBe(202);
      await api.services.runtime.idle();
      const view = await conversationView(api.services.db, (await html.json()).conversationId);
      expect(view.messages.find((m) => m.direction === 'in')?.text).toBe('Hello there');

      const bad = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify({ to: INBOX }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ field: 'from' });
    });

    it('does not send a message twice when retried after it went out', async () => {
      const [open] = await api.services.db.select().from(conversations).where(eq(conversations.status, 'active'));
      const adapter = emailAdapter({ db: api.services.db, smtpUrl: outbound.url, from: 'support@acme.test', domains: ['acme.test'] });
      const message = { conversationId: open?.id ?? '', channel: 'email' as const, text: 'Once only', quickReplies: [], mediaUrl: null, idempotencyKey: 'email-once' };
      const sent = outbound.received.length;
      await adapter.send(message);
      await adapter.send(message);
      expect(outbound.received).toHaveLength(sent + 1);
      const wrong = emailAdapter({ db: api.services.db, smtpUrl: outbound.url.replace('p%40ss', 'nope'), from: 'support@acme.test', domains: ['acme.test'] });
      await expect(wrong.send({ ...message, idempotencyKey: 'email-bad-credentials' })).rejects.toThrow(/Invalid login|auth/i);
    });

    it('ignores automatic replies, so two robots do not answer each other', async () => {
      const before = await eventCount();
      const port = api.services.smtpInboundPort ?? 0;
      const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      await transport.sendMail({ from: 'ooo@customer.test', to: INBOX, subject: 'Out of office', text: 'I am away', messageId: '<ooo@customer.test>', headers: { 'Auto-Submitted': 'auto-replied' } });
      transport.close();
      expect(await eventCount()).toBe(before);
    });

    it('refuses mail for other domains', async () => {
      const transport = createTransport({ host: '127.0.0.1', port: api.services.smtpInboundPort ?? 0, secure: false, ignoreTLS: true });
      await expect(transport.sendMail({ from: 'x@customer.test', to: 'someone@elsewhere.test', text: 'relay me', messageId: '<relay@customer.test>' })).rejects.toThrow(/550|elsewhere/);
      transport.close();
    });
  });
}
