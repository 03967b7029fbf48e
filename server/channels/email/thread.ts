// A mail thread as the database knows it: the Message-IDs of mail in (their conversation is
// the one their runtime event went to: `events.dedupe_key = 'email:' || message_id`) and of
// mail we sent (stored with their conversation).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { emailInbound, emailOutbound, events } from '../../db/schema';

/** The runtime's dedupe key of a mail: channel + Message-ID (see runtime/ingest.ts). */
const dedupeKey = sql`'email:' || ${emailInbound.messageId}`;

/** The conversation one of these Message-IDs belongs to (ours first, then the customer's). */
export async function conversationOfMessageIds(db: Database, ids: string[]): Promise<string | undefined> {
  if (ids.length === 0) return undefined;
  const [ours] = await db
    .select({ conversationId: emailOutbound.conversationId })
    .from(emailOutbound)
    .where(inArray(emailOutbound.messageId, ids))
    .orderBy(desc(emailOutbound.createdAt))
    .limit(1);
  if (ours) return ours.conversationId;
  const [theirs] = await db
    .select({ conversationId: events.conversationId })
    .from(events)
    .where(inArray(events.dedupeKey, ids.map((id) => `email:${id}`)))
    .orderBy(desc(events.id))
    .limit(1);
  return theirs?.conversationId;
}

/** The customer's mails in the conversation, oldest first. */
export async function inboundOf(db: Database, conversationId: string) {
  return db
    .select({ messageId: emailInbound.messageId, fromAddress: emailInbound.fromAddress, inbox: emailInbound.inbox, subject: emailInbound.subject, receivedAt: emailInbound.receivedAt })
    .from(emailInbound)
    .innerJoin(events, and(eq(events.dedupeKey, dedupeKey), eq(events.conversationId, conversationId)))
    .orderBy(asc(emailInbound.receivedAt), asc(events.id));
}

/** What we sent in the conversation, oldest first. */
export async function outboundOf(db: Database, conversationId: string) {
  return db.select().from(emailOutbound).where(eq(emailOutbound.conversationId, conversationId)).orderBy(asc(emailOutbound.createdAt));
}
