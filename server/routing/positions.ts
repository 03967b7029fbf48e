// Telling waiting customers where they stand: for handoffs whose node has `positionText`, a
// QUEUE_UPDATE event (position and estimated wait) when the position changed, at once the first
// time and then at most once per `everyMs`, so a busy queue does not flood the customer.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { handoffRecords } from '../db/schema';
import { mergeRequirements, qualifies } from './assign';
import { waitingConversations } from './lists';
import { queueBook } from './queues';
import { insertEvents, lockConversations, lockRouting, routableAgents, type QueuedEvent } from './round';

/** Without history, a handoff is assumed to take five minutes. */
const DEFAULT_HANDLE_SECONDS = 300;
/** Handle times averaged for the estimate, per queue. */
const HISTORY = 20;

/** Sends the updates due; returns the conversations that got one. */
export async function tellPositions(db: Database, now: Date, everyMs = 60_000): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockRouting(tx);
    const waiting = await waitingConversations(tx, { queues: 'all' });
    const records = await tx
      .select({ id: handoffRecords.id, toldPosition: handoffRecords.toldPosition, toldAt: handoffRecords.toldAt })
      .from(handoffRecords)
      .where(and(eq(handoffRecords.status, 'waiting'), eq(handoffRecords.wantsPosition, true)));
    const told = new Map(records.map((record) => [record.id, record]));
    const due = waiting.filter((item) => {
      const record = told.get(item.handoffId);
      if (!record || record.toldPosition === item.position) return false;
      return record.toldAt === null || now.getTime() - record.toldAt.getTime() >= everyMs;
    });
    if (due.length === 0) return [];
    const locked = await lockConversations(tx, due.map((item) => item.conversationId));
    const estimate = await estimator(tx, [...new Set(due.map((item) => item.queue))]);
    const events: QueuedEvent[] = [];
    const toldNow: { id: number; position: number }[] = [];
    for (const item of due) {
      if (!locked.has(item.conversationId)) continue;
      const estimatedWaitMinutes = estimate(item.queue, item.position);
      events.push({
        conversationId: item.conversationId,
        event: { type: 'QUEUE_UPDATE', at: now.toISOString(), position: item.position, estimatedWaitMinutes },
        dedupeKey: `position:${item.handoffId}:${now.getTime()}`,
      });
      toldNow.push({ id: item.handoffId, position: item.position });
    }
    if (toldNow.length > 0) {
      await tx.execute(sql`update ${handoffRecords} as h set told_position = v.position, told_at = ${now.toISOString()}::timestamptz
        from json_to_recordset(${JSON.stringify(toldNow)}::json) as v(id bigint, position int) where h.id = v.id`);
    }
    await insertEvents(tx, events, now);
    return events.map((event) => event.conversationId);
  });
}

/**
 * Estimated minutes for a place in a queue: the queue's recent average handle time, times the
 * place, shared among the available agents who serve the queue (at least one).
 */
async function estimator(tx: Database, queues: string[]): Promise<(queue: string, position: number) => number> {
  const book = await queueBook(tx);
  const agents = await routableAgents(tx);
  const handle = new Map<string, number>();
  for (const queue of queues) {
    const recent = await tx
      .select({ seconds: handoffRecords.handleSeconds })
      .from(handoffRecords)
      .where(and(eq(handoffRecords.queue, queue), isNotNull(handoffRecords.handleSeconds), inArray(handoffRecords.status, ['resolved', 'abandoned', 'closed'])))
      .orderBy(desc(handoffRecords.closedAt))
      .limit(HISTORY);
    const seconds = recent.flatMap((row) => (row.seconds === null ? [] : [row.seconds]));
    handle.set(queue, seconds.length === 0 ? DEFAULT_HANDLE_SECONDS : seconds.reduce((a, b) => a + b, 0) / seconds.length);
  }
  return (queue, position) => {
    const requires = mergeRequirements(book.rulesFor(queue).requiredSkills, []);
    const serving = Math.max(1, agents.filter((agent) => qualifies(agent, requires)).length);
    return Math.ceil((position * (handle.get(queue) ?? DEFAULT_HANDLE_SECONDS)) / 60 / serving);
  };
}
