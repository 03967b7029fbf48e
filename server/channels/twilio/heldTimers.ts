// The no-input timer of a question the caller hears on a call: held while Twilio listens, and
// released (due now) when Twilio reports the silence. See voiceCall.ts for why.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { conversations, timers } from '../../db/schema';
import { lockConversation } from '../../runtime/internalEvents';

/** The statement that puts the journey's no-input timer on hold (a cancelled row never fires). */
export function holdTimer(db: Database, conversationId: string, token: string): SQL {
  return db
    .update(timers)
    .set({ cancelledAt: new Date() })
    .where(and(eq(timers.conversationId, conversationId), eq(timers.token, token), isNull(timers.firedAt), isNull(timers.cancelledAt)))
    .getSQL();
}

/**
 * Releases the held timer, due now, while the journey still waits on it (under the conversation's
 * row lock, as the processor changes it); true when the caller should have the runtime fire what
 * is due (`Runtime.fireDueTimers`: the TIMER event is appended and queued like any timer's).
 */
export async function releaseHeldTimer(db: Database, conversationId: string, token: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, conversationId))) return false;
    const [current] = await tx
      .select({ token: sql<string | null>`${conversations.snapshot} -> 'context' -> 'timer' ->> 'token'` })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    if (current?.token !== token) return false;
    const rows = await tx
      .update(timers)
      .set({ cancelledAt: null, fireAt: new Date() })
      .where(and(eq(timers.conversationId, conversationId), eq(timers.token, token), isNull(timers.firedAt)))
      .returning({ id: timers.id });
    return rows.length > 0;
  });
}
