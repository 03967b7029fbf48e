// Events the runtime itself makes (an HTTP answer, a timer firing) join the conversation's
// sequence like inbound ones. Each has a dedupe key, so doing the same work twice (an HTTP call
// retried after a crash, a timer fired by two processes) is applied once.
import { eq, sql } from 'drizzle-orm';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';

/** Appends the event; false when its dedupe key was already used or the conversation is gone. */
export async function appendEvent(db: Database, conversationId: string, event: FlowEvent, dedupeKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, conversationId))) return false;
    return (await insertEvent(tx, conversationId, event, dedupeKey)) !== undefined;
  });
}

/**
 * Takes the conversation's row lock for the transaction (false when it is gone). Taken first, as
 * the processor takes it, so writers of the conversation's other rows never deadlock with it.
 */
export async function lockConversation(tx: Database, conversationId: string): Promise<boolean> {
  const [conversation] = await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, conversationId)).for('update');
  return conversation !== undefined;
}

/**
 * Gives the event the conversation's next sequence number and inserts it; undefined when its
 * dedupe key is taken. The caller holds the conversation's row lock, so numbers never collide.
 */
export async function insertEvent(
  tx: Database,
  conversationId: string,
  event: FlowEvent,
  dedupeKey: string | null,
  receivedAt = new Date(),
): Promise<number | undefined> {
  // The next number is computed in the insert itself: one statement on the hot path, not two.
  const nextSeq = sql<number>`(select coalesce(max(${events.seq}), 0) + 1 from ${events} where ${events.conversationId} = ${conversationId})`;
  const [inserted] = await tx
    .insert(events)
    .values({ conversationId, seq: nextSeq, type: event.type, payload: event, dedupeKey, receivedAt })
    .onConflictDoNothing({ target: events.dedupeKey })
    .returning({ id: events.id });
  return inserted?.id;
}
