// Events the runtime itself makes (an HTTP answer, a timer firing) join the conversation's
// sequence like inbound ones. Each has a dedupe key, so doing the same work twice (an HTTP call
// retried after a crash, a timer fired by two processes) is applied once.
import { eq, max } from 'drizzle-orm';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';

/** Appends the event; false when its dedupe key was already used or the conversation is gone. */
export async function appendEvent(db: Database, conversationId: string, event: FlowEvent, dedupeKey: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .for('update');
    if (!conversation) return false;
    const [last] = await tx.select({ seq: max(events.seq) }).from(events).where(eq(events.conversationId, conversationId));
    const inserted = await tx
      .insert(events)
      .values({ conversationId, seq: (last?.seq ?? 0) + 1, type: event.type, payload: event, dedupeKey })
      .onConflictDoNothing({ target: events.dedupeKey })
      .returning({ id: events.id });
    return inserted.length > 0;
  });
}
