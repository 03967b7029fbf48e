// SMS over HTTP both ways: a signed inbound SMS is stored once and answered with empty TwiML,
// the journey's reply reaches a fake Twilio REST API (basic auth checked) from our number to the
// sender, and Twilio's delivery reports are stored on the message, in order, once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { messages, twilioSmsSends, twilioSmsStatuses } from '../../db/schema';
import { readFlowDocument } from '../../flows/document';
import { createFlow } from '../../flows/flowStore';
import { publishDraft } from '../../flows/publishing';
import { setBinding } from '../../runtime/bindings';
import { twilioSmsAdapter } from './smsAdapter';
import { ACCOUNT_SID, AUTH_TOKEN, OUR_NUMBER, startTwilio, twilioSid, type TwilioHarness } from './twilioHarness';

const replyFlow = {
  format: FLOW_FORMAT,
  id: 'sms-reply',
  name: 'SMS reply',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['sms'] } },
    { id: 'thanks', type: 'message', data: { text: 'We got your message: {{ input.text }}' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
  ],
  edges: [
    { source: 'start', target: 'thanks' },
    { source: 'thanks', target: 'done' },
  ],
};

describe('Twilio SMS (pglite)', () => {
  let twilio: TwilioHarness;
  beforeAll(async () => {
    twilio = await startTwilio('pglite');
    await createFlow(twilio.db, { id: replyFlow.id, name: replyFlow.name, content: readFlowDocument(replyFlow) }, null);
    await publishDraft(twilio.db, { id: replyFlow.id }, null);
    await setBinding(twilio.db, { channel: 'sms', address: OUR_NUMBER, flowId: replyFlow.id });
  });
  afterAll(async () => {
    await twilio?.close();
  });

  const outboundOf = async (conversationId: string) => {
    const [message] = await twilio.db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out')));
    if (!message) throw new Error('no outbound message');
    return message;
  };

  it('answers an SMS with empty TwiML, replies through the REST API and stores the delivery reports', async () => {
    const sms = { MessageSid: twilioSid('SM'), From: '+66811111111', To: OUR_NUMBER, Body: 'Where is my order?' };
    const answer = await twilio.post('sms', sms);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toContain('text/xml');
    expect(answer.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const [sent] = await twilio.fake.waitForMessages(1);
    expect(sent).toMatchObject({ to: '+66811111111', from: OUR_NUMBER, body: 'We got your message: Where is my order?' });
    expect(twilio.fake.refused).toBe(0);

    // Replayed by Twilio: applied once, no second reply.
    const stored = await twilio.eventCount();
    expect((await twilio.post('sms', sms)).status).toBe(200);
    await twilio.api.services.runtime.idle();
    expect(await twilio.eventCount()).toBe(stored);
    expect(twilio.fake.messages).toHaveLength(1);

    const [send] = await twilio.db.select().from(twilioSmsSends).where(eq(twilioSmsSends.messageSid, sent?.sid ?? ''));
    if (!send) throw new Error('the send was not recorded');
    expect(await outboundOf(send.conversationId)).toMatchObject({ id: send.messageId, delivery: 'sent' });

    const changes: number[] = [];
    const unsubscribe = twilio.api.services.runtime.notifier.subscribe(send.conversationId, () => changes.push(Date.now()));
    try {
      const report = (MessageStatus: string, ErrorCode?: string) => twilio.post('sms/status', { MessageSid: send.messageSid ?? '', MessageStatus, ...(ErrorCode ? { ErrorCode } : {}) });
      expect((await report('sent')).status).toBe(200);
      expect((await report('undelivered', '30003')).status).toBe(200);
      expect(await outboundOf(send.conversationId)).toMatchObject({ delivery: 'failed', deliveryError: 'Twilio: undelivered (error 30003)' });
      expect(changes).toHaveLength(2);
      // Late and repeated reports change nothing.
      await report('sent');
      await report('undelivered', '30003');
      expect(changes).toHaveLength(2);
      const [status] = await twilio.db.select().from(twilioSmsStatuses).where(eq(twilioSmsStatuses.messageSid, send.messageSid ?? ''));
      expect(status).toMatchObject({ status: 'undelivered', errorCode: '30003' });
    } finally {
      unsubscribe();
    }
  });

  it('refuses an unsigned SMS and stores nothing', async () => {
    const before = await twilio.eventCount();
    const sms = { MessageSid: twilioSid('SM'), From: '+66811111112', To: OUR_NUMBER, Body: 'hi' };
    expect((await twilio.post('sms', sms, { signature: null })).status).toBe(403);
    expect((await twilio.post('sms', sms, { signature: 'AAAA' })).status).toBe(403);
    expect((await twilio.post('sms/status', { MessageSid: twilioSid('SM'), MessageStatus: 'failed' }, { signature: null })).status).toBe(403);
    expect(await twilio.eventCount()).toBe(before);
    expect(await twilio.db.select().from(twilioSmsStatuses)).toHaveLength(1);
  });

  it('sends once per idempotency key, from TWILIO_SMS_FROM when set, and reports refused credentials', async () => {
    const sms = { MessageSid: twilioSid('SM'), From: '+66811111113', To: OUR_NUMBER, Body: 'hello' };
    await twilio.post('sms', sms);
    await twilio.fake.waitForMessages(2);
    // The fake has answered; the adapter records the SID right after.
    await twilio.api.services.runtime.idle();
    const [send] = await twilio.db.select().from(twilioSmsSends).where(eq(twilioSmsSends.messageSid, twilio.fake.messages[1]?.sid ?? ''));
    if (!send) throw new Error('the send was not recorded');
    const account = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: twilio.fake.url, smsFrom: '+6629999999', webhookBaseUrl: 'https://switchboard.example' };
    const adapter = twilioSmsAdapter(twilio.db, account);
    const message = { conversationId: send.conversationId, channel: 'sms' as const, text: 'Your order ships today.', quickReplies: [], mediaUrl: null, idempotencyKey: `${send.conversationId}:test:0` };
    await adapter.send(message);
    await adapter.send(message);
    expect(twilio.fake.messages.slice(2)).toEqual([
      expect.objectContaining({ to: '+66811111113', from: '+6629999999', body: 'Your order ships today.', statusCallback: 'https://switchboard.example/api/channels/twilio/sms/status' }),
    ]);

    const refused = twilioSmsAdapter(twilio.db, { ...account, authToken: 'wrong' });
    await expect(refused.send({ ...message, idempotencyKey: `${send.conversationId}:test:1` })).rejects.toThrow('Twilio answered 401: Authenticate (code 20003)');
    expect(twilio.fake.refused).toBe(1);
    expect(twilio.fake.messages).toHaveLength(3);
  });
});
