// One routing round in one transaction: overflow what waited too long (or sits in a closed
// queue that overflows), decide assignments with the pure `assign`, and commit them together
// with each conversation's AGENT_ACCEPT event, so a crash never leaves an assignment the flow
// does not know about (or the reverse).
//
// Several processes: every round (and every claim or transfer to an agent) first takes one
// transaction-scoped PostgreSQL advisory lock, so rounds run one at a time across processes.
// Each reads agents' loads after taking it, so two processes never hand out the same free slot
// twice. `for update skip locked` alone would not do that: it keeps two rounds off the same
// conversation, but an agent's capacity is a count over many rows, which row locks do not
// guard. Conversation rows are still locked (skip locked, in id order) before their events are
// written, as the processor does; one being applied right now is left for the next round.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { agentProfiles, conversations, handoffRecords, users, type HandoffRecordRow } from '../db/schema';
import { loadsOf } from './agents';
import { assign, mergeRequirements, type RoutableAgent, type WaitingConversation } from './assign';
import { queueBook, type QueueBook } from './queues';

/** The advisory lock key every routing writer takes ("routing" in ASCII). */
export const ROUTING_LOCK = 0x726f7574696e67;

export interface RoundResult {
  assigned: { conversationId: string; agentId: string; handoffId: number }[];
  overflowed: { conversationId: string; from: string; to: string }[];
  /** Conversations with new events, to wake after the commit. */
  woken: string[];
  /** Conversations left because they were being applied (try again soon). */
  skipped: number;
}

/** Takes the routing lock for the transaction (waits for a round elsewhere to finish). */
export async function lockRouting(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
}

export async function routingRound(db: Database, now: Date): Promise<RoundResult> {
  return db.transaction(async (tx) => {
    await lockRouting(tx);
    const book = await queueBook(tx);
    const waiting = await tx.select().from(handoffRecords).where(eq(handoffRecords.status, 'waiting'));
    const { overflow, candidates } = sortWaiting(waiting, book, now);
    const agents = await routableAgents(tx);
    const pairs = assign(candidates.map((record) => waitingOf(record, book)), agents, now.getTime());
    const byConversation = new Map(waiting.map((record) => [record.conversationId, record]));
    const wanted = [...overflow.map((o) => o.record.conversationId), ...pairs.map((p) => p.conversationId)];
    const locked = await lockConversations(tx, wanted);
    const result: RoundResult = { assigned: [], overflowed: [], woken: [], skipped: wanted.length - locked.size };
    const events: QueuedEvent[] = [];
    for (const { record, to } of overflow) {
      if (!locked.has(record.conversationId)) continue;
      // Keyed by the wait it ends: a round that runs again before the transfer is applied adds nothing.
      events.push({ conversationId: record.conversationId, event: { type: 'AGENT_TRANSFER', at: now.toISOString(), queue: to }, dedupeKey: `overflow:${record.id}:${record.waitingSince.getTime()}` });
      result.overflowed.push({ conversationId: record.conversationId, from: record.queue, to });
    }
    for (const pair of pairs) {
      const record = byConversation.get(pair.conversationId);
      if (!record || !locked.has(pair.conversationId)) continue;
      events.push({ conversationId: pair.conversationId, event: { type: 'AGENT_ACCEPT', at: now.toISOString(), agent: pair.agentId }, dedupeKey: `assign:${record.id}:${record.waitingSince.getTime()}` });
      result.assigned.push({ ...pair, handoffId: record.id });
    }
    await markAssigned(tx, result.assigned, now);
    await insertEvents(tx, events, now);
    result.woken = events.map((e) => e.conversationId);
    return result;
  });
}

/** Splits waiting records into ones to overflow now and ones routing may assign (open queues). */
export function sortWaiting(waiting: HandoffRecordRow[], book: QueueBook, now: Date) {
  const overflow: { record: HandoffRecordRow; to: string }[] = [];
  const candidates: HandoffRecordRow[] = [];
  for (const record of waiting) {
    const rules = book.rulesFor(record.queue);
    const open = book.isOpen(record.queue, now);
    const waited = now.getTime() - record.waitingSince.getTime();
    const tooLong = rules.maxWaitSeconds !== null && waited >= rules.maxWaitSeconds * 1000;
    // A closed queue hands over only to an open one: two closed queues overflowing into each other would ping-pong.
    const closedOverflow = !open && rules.whenClosed === 'overflow' && rules.overflowQueue !== null && book.isOpen(rules.overflowQueue, now);
    if (rules.overflowQueue !== null && (tooLong || closedOverflow)) overflow.push({ record, to: rules.overflowQueue });
    else if (open) candidates.push(record);
  }
  return { overflow, candidates };
}

export function waitingOf(record: HandoffRecordRow, book: QueueBook): WaitingConversation {
  const rules = book.rulesFor(record.queue);
  return {
    conversationId: record.conversationId,
    channel: record.channel,
    requires: mergeRequirements(rules.requiredSkills, record.skills),
    priority: record.priority,
    queuePriority: rules.priority,
    waitingSince: record.waitingSince.getTime(),
    order: record.id,
  };
}

/** Available agents with their skills, capacity, load and idle time. */
export async function routableAgents(tx: Database): Promise<RoutableAgent[]> {
  // Only agents are routed to: a profile outlives a role change (a designer's transcript grant, an agent made viewer).
  const profiles = (
    await tx
      .select({ profile: agentProfiles })
      .from(agentProfiles)
      .innerJoin(users, eq(users.id, agentProfiles.userId))
      .where(and(eq(agentProfiles.presence, 'available'), eq(users.role, 'agent')))
  ).map((row) => row.profile);
  const loads = await loadsOf(tx, profiles.map((p) => p.userId));
  return profiles.map((profile) => ({
    agentId: profile.userId,
    available: true,
    skills: new Map(profile.skills.map((s) => [s.skill, s.level])),
    capacity: profile.capacity,
    load: loads.get(profile.userId) ?? {},
    idleSince: profile.idleSince.getTime(),
  }));
}

const LockedIds = z.object({ rows: z.array(z.object({ id: z.string() })) });

/**
 * Locks the conversations still in a handoff. A round skips any a worker holds now (it comes
 * back for them); a person's action (`wait`) waits the moment the worker needs.
 */
export async function lockConversations(tx: Database, ids: string[], options: { wait?: boolean } = {}): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(sql`${conversations.id} in (select (jsonb_array_elements_text(${JSON.stringify([...new Set(ids)])}::jsonb))::uuid)`, eq(conversations.status, 'handoff')))
    .orderBy(conversations.id)
    .for('update', options.wait ? {} : { skipLocked: true });
  return new Set(LockedIds.parse({ rows }).rows.map((row) => row.id));
}

/** The records become assigned at once (the flow hears it from the event); agents are busy from now. */
export async function markAssigned(tx: Database, assigned: { agentId: string; handoffId: number }[], now: Date): Promise<void> {
  if (assigned.length === 0) return;
  // One JSON parameter rather than two per row: binding thousands of parameters costs more than the update.
  const rows = JSON.stringify(assigned.map((a) => ({ id: a.handoffId, agent: a.agentId })));
  await tx.execute(sql`update ${handoffRecords} as h set status = 'assigned', agent_id = v.agent, assigned_at = coalesce(h.assigned_at, ${now.toISOString()}::timestamptz)
    from json_to_recordset(${rows}::json) as v(id bigint, agent text) where h.id = v.id`);
  await tx
    .update(agentProfiles)
    .set({ idleSince: now })
    .where(sql`${agentProfiles.userId} in (select jsonb_array_elements_text(${JSON.stringify([...new Set(assigned.map((a) => a.agentId))])}::jsonb))`);
}

export interface QueuedEvent {
  conversationId: string;
  event: FlowEvent;
  dedupeKey: string;
}

/**
 * Appends one event per conversation in one statement (the callers hold the rows' locks, so
 * sequence numbers cannot collide); a dedupe key used before adds nothing.
 */
export async function insertEvents(tx: Database, queued: QueuedEvent[], now: Date): Promise<void> {
  if (queued.length === 0) return;
  const rows = JSON.stringify(queued.map((q) => ({ id: q.conversationId, type: q.event.type, payload: q.event, dedupe_key: q.dedupeKey })));
  await tx.execute(sql`insert into events (conversation_id, seq, type, payload, dedupe_key, received_at)
    select v.id, (select coalesce(max(e.seq), 0) + 1 from events e where e.conversation_id = v.id), v.type, v.payload, v.dedupe_key, ${now.toISOString()}::timestamptz
    from json_to_recordset(${rows}::json) as v(id uuid, type text, payload jsonb, dedupe_key text)
    on conflict (dedupe_key) do nothing`);
}

