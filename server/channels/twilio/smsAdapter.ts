// The `sms` channel adapter: each outbound message is POSTed to Twilio's Messages API.
//
// Twilio has no idempotency header, so the adapter keeps its own record per outbox item
// (twilio_sms_sends, by the item's idempotency key): the row is written before the request,
// and Twilio's MessageSid after it. A retry (the outbox's backoff, or the sweep after a crash)
// finds the SID and sends nothing. The window left: a crash (or a lost answer) after Twilio
// accepted the message and before the SID was stored leaves a row without a SID, and the retry
// sends the text a second time. It is the time of one HTTP answer and one UPDATE; closing it
// would take a query of Twilio's message log per unfinished row, which cannot tell two equal
// texts to the same number apart either.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { contactIdentities, contacts, conversations, outbox, twilioSmsSends, type TwilioSmsSendRow } from '../../db/schema';
import { SEND_TIMEOUT_MS, type ChannelAdapter, type OutboundMessage } from '../../runtime/adapters';
import { TWILIO_PREFIX, type TwilioConfig } from './config';
import { conversationNumber } from './numbers';
import { applyStatus } from './sms';

export interface SmsAccount {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  smsFrom: string | undefined;
  webhookBaseUrl: string | undefined;
}

const Created = z.object({ sid: z.string().min(1) });
const Problem = z.object({ message: z.string().optional(), code: z.union([z.number(), z.string()]).optional() });

export function twilioSmsAdapter(db: Database, account: SmsAccount, fetchImpl: typeof fetch = fetch): ChannelAdapter {
  const url = `${account.apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
  return {
    async send(message) {
      const send = await sendRecord(db, account, message);
      if (send.messageSid) return;
      const form = new URLSearchParams({ To: send.to, From: send.from, Body: message.text });
      if (message.mediaUrl) form.set('MediaUrl', message.mediaUrl);
      // Delivery reports come back only where Twilio can reach us: the public base URL.
      if (account.webhookBaseUrl) form.set('StatusCallback', `${account.webhookBaseUrl}${TWILIO_PREFIX}/sms/status`);
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const problem = Problem.safeParse(body);
        const detail = problem.success && problem.data.message ? `: ${problem.data.message}${problem.data.code === undefined ? '' : ` (code ${problem.data.code})`}` : '';
        throw new Error(`Twilio answered ${response.status}${detail}`);
      }
      const created = Created.safeParse(body);
      if (!created.success) throw new Error('Twilio accepted the message but its answer has no sid');
      await db.update(twilioSmsSends).set({ messageSid: created.data.sid, acceptedAt: new Date() }).where(eq(twilioSmsSends.idempotencyKey, message.idempotencyKey));
      await applyStatus(db, created.data.sid);
    },
  };
}

/** The send's row: the earlier attempt's, or a new one with the numbers worked out now. */
async function sendRecord(db: Database, account: SmsAccount, message: OutboundMessage): Promise<TwilioSmsSendRow> {
  const [earlier] = await db.select().from(twilioSmsSends).where(eq(twilioSmsSends.idempotencyKey, message.idempotencyKey));
  if (earlier) return earlier;
  const from = account.smsFrom ?? (await conversationNumber(db, message.conversationId));
  if (!from) throw new Error('no number to send the SMS from: set TWILIO_SMS_FROM, or the conversation must have reached us on a Twilio number');
  const to = await contactNumber(db, message.conversationId);
  if (!to) throw new Error('the contact has no phone number to text');
  const [item] = await db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.idempotencyKey, message.idempotencyKey));
  await db
    .insert(twilioSmsSends)
    .values({ idempotencyKey: message.idempotencyKey, conversationId: message.conversationId, messageId: item?.messageId ?? null, to, from })
    .onConflictDoNothing();
  const [row] = await db.select().from(twilioSmsSends).where(eq(twilioSmsSends.idempotencyKey, message.idempotencyKey));
  if (!row) throw new Error('the SMS send was neither recorded nor found');
  return row;
}

/** The contact's phone identity (the number they texted or called from), else the profile's phone. */
async function contactNumber(db: Database, conversationId: string): Promise<string | undefined> {
  const [conversation] = await db
    .select({ contactId: conversations.contactId, phone: contacts.phone })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(conversations.id, conversationId));
  if (!conversation) return undefined;
  // Calls and texts share one `phone` identity (server/contacts/identities.ts); the latest wins.
  const [identity] = await db
    .select({ address: contactIdentities.address })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.contactId, conversation.contactId), eq(contactIdentities.channel, 'phone')))
    .orderBy(desc(contactIdentities.createdAt))
    .limit(1);
  return identity?.address ?? conversation.phone ?? undefined;
}

/** The account settings, when SMS can be sent (the account SID and its token are set). */
export function smsAccount(config: TwilioConfig): SmsAccount | undefined {
  if (!config.accountSid || !config.authToken) return undefined;
  return { accountSid: config.accountSid, authToken: config.authToken, apiBaseUrl: config.apiBaseUrl, smsFrom: config.smsFrom, webhookBaseUrl: config.webhookBaseUrl };
}
