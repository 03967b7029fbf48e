// The voice webhooks over HTTP, signed as Twilio signs them: an IVR call through the lost-card
// example from the first webhook to the hang-up, handoffs (Enqueue, Dial), the caller hanging up
// in the queue, silence handled by the journey's own no-input path, replays, and signatures.
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { conversations, events, messages, twilioCalls } from '../../db/schema';
import { readFlowDocument } from '../../flows/document';
import { createFlow } from '../../flows/flowStore';
import { publishDraft } from '../../flows/publishing';
import { seedExampleFlows } from '../../flows/seed';
import { setBinding } from '../../runtime/bindings';
import { parseRewrites, urlRewriter } from '../../runtime/egress';
import { calledOrigins, loadExamples } from '../../testing/journeySetup';
import type { ApiOptions } from '../../testing/apiHarness';
import type { DatabaseKind } from '../../testing/database';
import { startMockHttp, type MockHttpServer } from '../../testing/mockHttp';
import { AUTH_TOKEN, OUR_NUMBER, signTwilio, startTwilio, twilioSid, type TwilioHarness } from './twilioHarness';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'flows', 'examples');
const examples = loadExamples(EXAMPLES);
const SILENCE_NUMBER = '+6620000002';

/** A one-question IVR whose no-input timeout is short enough to wait out in a test. */
const silenceFlow = {
  format: FLOW_FORMAT,
  id: 'voice-silence',
  name: 'Voice silence',
  locale: 'en-US',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['voice'] } },
    { id: 'ask', type: 'menu', data: { prompt: 'Press 1 for sales.', reprompt: 'Are you there? Press 1 for sales.', timeout: '1s', maxRetries: 1, options: [{ id: 'sales', label: 'Sales', keys: ['1'] }] } },
    { id: 'sales', type: 'end', data: { outcome: 'resolved', text: 'Connecting you to sales.' } },
    { id: 'silent', type: 'end', data: { outcome: 'no-input', text: 'We did not hear you. Goodbye.' } },
    { id: 'wrong', type: 'end', data: { outcome: 'no-match' } },
  ],
  edges: [
    { source: 'start', target: 'ask' },
    { source: 'ask', sourceHandle: 'sales', target: 'sales' },
    { source: 'ask', sourceHandle: 'noInput', target: 'silent' },
    { source: 'ask', sourceHandle: 'noMatch', target: 'wrong' },
  ],
};

export function describeVoiceContract(kind: DatabaseKind, options: Pick<ApiOptions, 'redisUrl'> = {}): void {
  describe(`Twilio voice webhooks (${kind}${options.redisUrl ? ' + BullMQ' : ''})`, () => {
    let twilio: TwilioHarness;
    let mocks: MockHttpServer;

    beforeAll(async () => {
      mocks = await startMockHttp();
      twilio = await startTwilio(kind, { ...options, runtime: { rewriteUrl: urlRewriter(parseRewrites(mocks.rewrites(calledOrigins(examples)))) } });
      await seedExampleFlows(twilio.db, EXAMPLES);
      await setBinding(twilio.db, { channel: 'voice', address: OUR_NUMBER, flowId: 'lost-card' });
      await createFlow(twilio.db, { id: silenceFlow.id, name: silenceFlow.name, content: readFlowDocument(silenceFlow) }, null);
      await publishDraft(twilio.db, { id: silenceFlow.id }, null);
      await setBinding(twilio.db, { channel: 'voice', address: SILENCE_NUMBER, flowId: silenceFlow.id });
      const journey = examples.journeys.find(({ name }) => name === 'lost-card.wrong-key-after-block');
      mocks.use(journey?.journey.mocks?.http ?? []);
    });
    afterAll(async () => {
      await twilio?.close();
      await mocks?.close();
    });

    const gather = (step: number) => `<Gather input="dtmf speech" action="${twilio.endpoint(`voice/gather?step=${step}`)}" method="POST"`;
    const conversationOf = async (callSid: string) => {
      const [call] = await twilio.db.select().from(twilioCalls).where(eq(twilioCalls.callSid, callSid));
      const [conversation] = await twilio.db.select().from(conversations).where(eq(conversations.id, call?.conversationId ?? ''));
      if (!conversation) throw new Error(`no conversation for ${callSid}`);
      return conversation;
    };

    it('takes a caller through the lost-card IVR, from the first webhook to the hang-up', async () => {
      const call = { CallSid: twilioSid('CA'), From: '+66812345678', To: OUR_NUMBER, CallStatus: 'ringing' };
      const first = await twilio.post('voice', call);
      expect(first.status).toBe(200);
      expect(first.contentType).toContain('text/xml');
      // Welcome and the main menu, in Thai (the flow's locale), inside a Gather of one key.
      expect(first.text).toContain(`${gather(1)} timeout="10" finishOnKey="#" actionOnEmptyResult="true" numDigits="1" language="th-TH">`);
      expect(first.text).toMatch(/<Gather[^>]*><Say language="th-TH">ธนาคารนาวา สวัสดีค่ะ[^<]*<\/Say><Say language="th-TH">หากบัตรเดบิต[^<]*กด 0<\/Say><\/Gather><\/Response>$/);

      // 1: lost card → the CRM lookup runs (the answer waits for it) → the national-id question, 4 digits.
      const lost = await twilio.post('voice/gather?step=1', { ...call, Digits: '1' });
      expect(lost.text).toContain(`${gather(2)} timeout="10" finishOnKey="#" actionOnEmptyResult="true" numDigits="4" language="th-TH">`);
      expect(lost.text).toContain('บัตรประจำตัวประชาชน');
      expect(lost.text).not.toContain('ธนาคารนาวา สวัสดีค่ะ');

      // A replayed webhook answers the same TwiML and stores nothing new.
      const eventsBefore = await twilio.eventCount();
      const replay = await twilio.post('voice/gather?step=1', { ...call, Digits: '1' });
      expect(replay.text).toBe(lost.text);
      expect(await twilio.eventCount()).toBe(eventsBefore);

      const verified = await twilio.post('voice/gather?step=2', { ...call, Digits: '4821' });
      expect(verified.text).toMatch(/<Say language="th-TH">[^<]*ยืนยันตัวตนเรียบร้อยแล้ว<\/Say><Say language="th-TH">กรุณากดหมายเลข 4 หลักสุดท้ายของบัตรที่ต้องการอายัดค่ะ<\/Say><\/Gather>/);
      expect(verified.text).toContain('numDigits="4"');

      const blocked = await twilio.post('voice/gather?step=3', { ...call, Digits: '1234' });
      expect(blocked.text).toContain('BLK-260302-7731');
      expect(blocked.text).toContain(`${gather(4)} timeout="8"`);

      const finish = await twilio.post('voice/gather?step=4', { ...call, Digits: '3' });
      expect(finish.text).toMatch(/<Say language="th-TH">ขอบคุณที่แจ้งเราค่ะ[^<]*<\/Say><Hangup\/><\/Response>$/);
      expect(finish.text).not.toContain('<Gather');
      const conversation = await conversationOf(call.CallSid);
      expect(conversation).toMatchObject({ status: 'ended', outcome: 'contained', channel: 'voice' });
      // The caller's keys are in the transcript like any customer message.
      const inbound = await twilio.db.select({ text: messages.text }).from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'in')));
      expect(inbound.map((m) => m.text)).toEqual(['#1', '#4821', '#1234', '#3']);
    });

    it('queues a caller who asks for an agent, and ends the journey abandoned when they hang up in the queue', async () => {
      const call = { CallSid: twilioSid('CA'), From: '+66810000011', To: OUR_NUMBER };
      await twilio.post('voice', call);
      const queued = await twilio.post('voice/gather?step=1', { ...call, Digits: '0' });
      expect(queued.text).toMatch(new RegExp(`<Enqueue action="${escape(twilio.endpoint('voice/resume?step=2'))}" method="POST">fraud</Enqueue></Response>$`));
      expect(await conversationOf(call.CallSid)).toMatchObject({ status: 'handoff', queue: 'fraud' });

      const hangup = { ...call, CallStatus: 'completed' };
      expect((await twilio.post('voice/status', hangup)).status).toBe(200);
      const left = await waitFor(async () => {
        const conversation = await conversationOf(call.CallSid);
        return conversation.status === 'ended' ? conversation : undefined;
      });
      expect(left).toMatchObject({ outcome: 'abandoned' });
      // Replayed: nothing more is stored.
      const stored = await twilio.eventCount();
      await twilio.post('voice/status', hangup);
      expect(await twilio.eventCount()).toBe(stored);
      const hangups = await twilio.db.select({ n: count() }).from(events).where(and(eq(events.conversationId, left.id), eq(events.type, 'HANGUP')));
      expect(hangups[0]?.n).toBe(1);
    });

    it('dials TWILIO_HANDOFF_DIAL instead of queueing when it is set', async () => {
      process.env.TWILIO_HANDOFF_DIAL = 'sip:agents@pbx.example';
      try {
        const call = { CallSid: twilioSid('CA'), From: '+66810000012', To: OUR_NUMBER };
        await twilio.post('voice', call);
        const dialled = await twilio.post('voice/gather?step=1', { ...call, Digits: '0' });
        expect(dialled.text).toContain(`<Dial action="${twilio.endpoint('voice/resume?step=2')}" method="POST"><Sip>sip:agents@pbx.example</Sip></Dial></Response>`);
        // Back from the dial (the agent hung up) with the journey still in the handoff: the call ends.
        const back = await twilio.post('voice/resume?step=2', { ...call, DialCallStatus: 'completed' });
        expect(back.text).toMatch(/<Hangup\/><\/Response>$/);
      } finally {
        delete process.env.TWILIO_HANDOFF_DIAL;
      }
    });

    it('leaves silence to the journey: the timer is held while Twilio listens, and each silence uses one retry', async () => {
      const call = { CallSid: twilioSid('CA'), From: '+66810000013', To: SILENCE_NUMBER };
      const first = await twilio.post('voice', call);
      expect(first.text).toContain(`${gather(1)} timeout="1" finishOnKey="#" actionOnEmptyResult="true" numDigits="1" language="en-US"><Say language="en-US">Press 1 for sales.</Say></Gather>`);
      // Longer than the node's 1 s: the runtime's own timer would have re-asked by now.
      await new Promise((resolve) => setTimeout(resolve, 1_600));
      const conversation = await conversationOf(call.CallSid);
      const outbound = async () => (await twilio.db.select({ n: count() }).from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, 'out'))))[0]?.n;
      expect(await outbound()).toBe(1);

      // Twilio's Gather timed out: the action comes with no Digits.
      const reasked = await twilio.post('voice/gather?step=1', { ...call });
      expect(reasked.text).toContain(`${gather(2)} timeout="1"`);
      expect(reasked.text).toContain('<Say language="en-US">Are you there? Press 1 for sales.</Say></Gather>');
      expect(await outbound()).toBe(2);
      const replayed = await twilio.post('voice/gather?step=1', { ...call });
      expect(replayed.text).toBe(reasked.text);

      const gone = await twilio.post('voice/gather?step=2', { ...call });
      expect(gone.text).toMatch(/<Say language="en-US">We did not hear you. Goodbye.<\/Say><Hangup\/><\/Response>$/);
      expect(await conversationOf(call.CallSid)).toMatchObject({ status: 'ended', outcome: 'no-input' });
      const fired = await twilio.db.select({ n: count() }).from(events).where(and(eq(events.conversationId, conversation.id), eq(events.type, 'TIMER')));
      expect(fired[0]?.n).toBe(2);
    });

    it('refuses a webhook without a valid signature and stores nothing', async () => {
      const call = { CallSid: twilioSid('CA'), From: '+66810000014', To: OUR_NUMBER };
      const before = await twilio.eventCount();
      const missing = await twilio.post('voice', call, { signature: null });
      const wrong = await twilio.post('voice', call, { signature: 'bm90IGEgc2lnbmF0dXJl' });
      // Signed for other parameters: the caller's number was changed on the way.
      const tampered = await twilio.post('voice', { ...call, From: '+66899999999' }, { signature: signFor(call) });
      expect([missing.status, wrong.status, tampered.status]).toEqual([403, 403, 403]);
      expect(await twilio.eventCount()).toBe(before);
      expect(await twilio.db.select().from(twilioCalls).where(eq(twilioCalls.callSid, call.CallSid))).toEqual([]);
    });

    it('checks the signature over the URL the proxy says Twilio called', async () => {
      const call = { CallSid: twilioSid('CA'), From: '+66810000017', To: SILENCE_NUMBER };
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'ivr.example' };
      expect((await twilio.post('voice', call, { headers: forwarded })).status).toBe(403);
      const answered = await twilio.post('voice', call, { headers: forwarded, signedUrl: 'https://ivr.example/api/channels/twilio/voice' });
      expect(answered.status).toBe(200);
      expect(answered.text).toContain('action="https://ivr.example/api/channels/twilio/voice/gather?step=1"');
    });

    it('checks the signature over TWILIO_WEBHOOK_BASE_URL behind a proxy', async () => {
      process.env.TWILIO_WEBHOOK_BASE_URL = 'https://switchboard.example';
      try {
        const call = { CallSid: twilioSid('CA'), From: '+66810000015', To: SILENCE_NUMBER };
        const local = await twilio.post('voice', call);
        expect(local.status).toBe(403);
        const proxied = await twilio.post('voice', call, { signedUrl: 'https://switchboard.example/api/channels/twilio/voice' });
        expect(proxied.status).toBe(200);
        // Actions point at the public URL too.
        expect(proxied.text).toContain('action="https://switchboard.example/api/channels/twilio/voice/gather?step=1"');
      } finally {
        delete process.env.TWILIO_WEBHOOK_BASE_URL;
      }
    });

    it('names the bad field of a signed but malformed webhook', async () => {
      const bad = await twilio.post('voice', { CallSid: 'not-a-call', From: '+66810000016', To: OUR_NUMBER });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.text).error).toMatchObject({ code: 'invalid_field', field: 'CallSid' });
      const noStep = await twilio.post('voice/gather', { CallSid: twilioSid('CA'), From: '+66810000016', To: OUR_NUMBER });
      expect(JSON.parse(noStep.text).error).toMatchObject({ field: 'step' });
    });

    function signFor(params: Record<string, string>): string {
      return signTwilioFor(twilio.endpoint('voice'), params);
    }
  });
}

function signTwilioFor(url: string, params: Record<string, string>): string {
  return signTwilio(url, params, AUTH_TOKEN);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
