// How the timers the steps of one apply transaction set and cancelled are written (record.ts
// collects them). A journey has one timer at a time (its context's `timer`): a question's step
// cancels the one before and sets the next. Written as such, each step inserted a row and marked
// the one before cancelled, so the table grew by a row (and its index entries) per step. Now the
// conversation's waiting row is moved to the new token and time instead, and a timer set and
// cancelled within the transaction, never seen outside it, is not written at all. The end state
// for every token anyone can still ask about is the same as running each operation in turn.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { timers } from '../db/schema';

/** A timer as the steps of one transaction leave it: their last operation on it decides. */
export interface TimerWrite {
  conversationId: string;
  token: string;
  /** The last `timer.set`'s due time; undefined when the steps only cancelled it. */
  fireAt: Date | undefined;
  cancelled: boolean;
}

/** A part of the batch's write statement; `name` when another part reads what it returns. */
export interface WritePart {
  name?: string;
  statement: SQL;
}

const MOVED = 'timers_moved';

interface Move {
  conversationId: string;
  /** The waiting timer the steps cancelled, set before this transaction; none when there was none. */
  from: string | undefined;
  token: string;
  fireAt: Date;
}

export function timerWrites(tx: Database, all: TimerWrite[]): WritePart[] {
  const byConversation = new Map<string, TimerWrite[]>();
  for (const write of all) byConversation.set(write.conversationId, [...(byConversation.get(write.conversationId) ?? []), write]);
  const moves: Move[] = [];
  const cancels: TimerWrite[] = [];
  for (const writes of byConversation.values()) {
    // Set here and cancelled here: nobody outside this transaction ever saw it.
    const live = writes.filter((write) => write.fireAt !== undefined && !write.cancelled);
    const earlier = writes.filter((write) => write.fireAt === undefined);
    const [set] = live;
    if (live.length === 1 && set?.fireAt && earlier.length <= 1) {
      moves.push({ conversationId: set.conversationId, from: earlier[0]?.token, token: set.token, fireAt: set.fireAt });
      continue;
    }
    // Not one timer replacing one (never so today): each operation as it was asked.
    cancels.push(...earlier);
    for (const write of live) if (write.fireAt) moves.push({ conversationId: write.conversationId, from: undefined, token: write.token, fireAt: write.fireAt });
  }
  const parts: WritePart[] = [];
  if (moves.length > 0) parts.push(...moveParts(moves));
  if (cancels.length > 0) {
    const where = or(...cancels.map((timer) => and(eq(timers.conversationId, timer.conversationId), eq(timers.token, timer.token))));
    parts.push({ statement: tx.update(timers).set({ cancelledAt: new Date() }).where(where).getSQL() });
  }
  return parts;
}

/**
 * The waiting row moves to the new token and time; where there is none to move (the first
 * question, or the old one fired or was put on hold, see heldTimers.ts), a row is inserted.
 * The earlier token then no longer names a waiting timer, as a cancel would have left it.
 */
function moveParts(moves: Move[]): WritePart[] {
  const rows = moves.map((move) => sql`(${move.conversationId}::uuid, ${move.from ?? null}::text, ${move.token}::text, ${move.fireAt.toISOString()}::timestamptz)`);
  const values = sql`(values ${sql.join(rows, sql`, `)}) as v(conversation_id, from_token, token, fire_at)`;
  return [
    {
      name: MOVED,
      statement: sql`update timers as t set token = v.token, fire_at = v.fire_at from ${values}
        where t.conversation_id = v.conversation_id and t.token = v.from_token and t.fired_at is null and t.cancelled_at is null
        returning t.conversation_id`,
    },
    {
      statement: sql`insert into timers (conversation_id, token, fire_at)
        select v.conversation_id, v.token, v.fire_at from ${values}
        where v.conversation_id not in (select conversation_id from ${sql.raw(MOVED)})
        on conflict (conversation_id, token) do update set fire_at = excluded.fire_at, cancelled_at = null`,
    },
  ];
}
