// SMS in, and Twilio's delivery reports of the SMS we sent. An inbound SMS is stored and
// answered at once with an empty TwiML <Response/>: the journey's replies go out through the
// REST API (smsAdapter.ts), whenever the runtime gets to them.
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { messages, twilioSmsSends, twilioSmsStatuses } from '../../db/schema';
import type { Runtime } from '../../runtime/runtime';
import { rememberNumber } from './numbers';
import type { SmsParams, SmsStatusParams } from './params';

/** Stores the message (once per MessageSid) for the sender's journey. */
export async function receiveSms(db: Database, runtime: Runtime, params: SmsParams): Promise<void> {
  const ingested = await runtime.ingest({ channel: 'sms', from: params.From, to: params.To, text: params.Body, messageId: params.MessageSid });
  await rememberNumber(db, ingested.conversationId, params.To);
}

/**
 * Twilio's statuses in the order a message goes through them. Callbacks can arrive out of
 * order (`sent` after `delivered`); a status never replaces a later one, so applying a callback
 * twice, or late, changes nothing.
 */
const RANK: Record<string, number> = { accepted: 0, scheduled: 0, queued: 1, sending: 2, sent: 3, receiving: 3, received: 4, delivered: 4, read: 5, undelivered: 5, failed: 5, canceled: 5 };
const FAILED = ['undelivered', 'failed', 'canceled'];

function rankOf(column: typeof twilioSmsStatuses.status): SQL {
  const cases = Object.entries(RANK).map(([status, value]) => sql`when ${status} then ${value}::int`);
  return sql`(case ${column} ${sql.join(cases, sql` `)} else 0 end)`;
}

/** Stores the report; returns the conversation whose message changed, if we know the message. */
export async function smsStatusChanged(db: Database, params: SmsStatusParams): Promise<string | undefined> {
  const rank = RANK[params.MessageStatus] ?? 0;
  const [changed] = await db
    .insert(twilioSmsStatuses)
    .values({ messageSid: params.MessageSid, status: params.MessageStatus, errorCode: params.ErrorCode ?? null })
    .onConflictDoUpdate({
      target: twilioSmsStatuses.messageSid,
      set: { status: params.MessageStatus, errorCode: params.ErrorCode ?? null, updatedAt: new Date() },
      setWhere: sql`${rankOf(twilioSmsStatuses.status)} < ${rank}`,
    })
    .returning({ status: twilioSmsStatuses.status });
  if (!changed) return undefined;
  return applyStatus(db, params.MessageSid);
}

/**
 * Shows a report on our message: a failed one is marked failed with Twilio's reason. Called by
 * the status callback and by the adapter once it has recorded the SID (a report may come first).
 */
export async function applyStatus(db: Database, messageSid: string): Promise<string | undefined> {
  const [row] = await db
    .select({ conversationId: twilioSmsSends.conversationId, messageId: twilioSmsSends.messageId, status: twilioSmsStatuses.status, errorCode: twilioSmsStatuses.errorCode })
    .from(twilioSmsSends)
    .innerJoin(twilioSmsStatuses, eq(twilioSmsStatuses.messageSid, twilioSmsSends.messageSid))
    .where(and(eq(twilioSmsSends.messageSid, messageSid), isNotNull(twilioSmsSends.messageId)));
  if (!row?.messageId) return undefined;
  if (FAILED.includes(row.status)) {
    const reason = `Twilio: ${row.status}${row.errorCode ? ` (error ${row.errorCode})` : ''}`;
    await db.update(messages).set({ delivery: 'failed', deliveryError: reason }).where(and(eq(messages.id, row.messageId), inArray(messages.delivery, ['pending', 'sent'])));
  }
  return row.conversationId;
}
