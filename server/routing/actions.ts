// What agents do to routing state from the desktop: presence, taking a waiting conversation,
// transferring, resolving. Each change that the flow must hear becomes its AGENT_* event,
// written with the record change in one transaction under the routing lock.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { handoffRecords, users, type HandoffRecordRow, type Presence } from '../db/schema';
import { notFound, UserError } from '../errors';
import type { Services } from '../services';
import { agentProfile, DEFAULT_CAPACITY, loadsOf, storePresence } from './agents';
import { mergeRequirements, qualifies } from './assign';
import { queueBook } from './queues';
import { insertEvents, lockConversations, lockRouting, markAssigned } from './round';

export async function setPresence(services: Services, userId: string, presence: Presence): Promise<void> {
  const changed = await storePresence(services.db, userId, presence, services.runtime.now());
  if (!changed) return;
  services.runtime.notifier.publish('routing');
  services.routing.trigger();
}

/** An agent takes a waiting conversation themselves (must have the skills and free capacity). */
export async function claimConversation(services: Services, userId: string, conversationId: string): Promise<void> {
  await assignTo(services, conversationId, userId, { mustBeWaiting: true });
}

export async function transferConversation(services: Services, userId: string, conversationId: string, to: { queue: string } | { agentId: string }): Promise<void> {
  const now = services.runtime.now();
  if ('agentId' in to) {
    await assignTo(services, conversationId, to.agentId, { mustBeWaiting: false, by: userId });
    return;
  }
  await services.db.transaction(async (tx) => {
    await lockRouting(tx);
    const record = await openRecord(tx, conversationId);
    await mayAct(tx, userId, record);
    if (!(await lockConversations(tx, [conversationId], { wait: true })).has(conversationId)) throw busy(conversationId);
    await insertEvents(tx, [{ conversationId, event: { type: 'AGENT_TRANSFER', at: now.toISOString(), queue: to.queue }, dedupeKey: `transfer:${record.id}:${now.getTime()}` }], now);
  });
  await after(services, conversationId);
}

/** Ends the handoff; the flow goes on by the handoff's `resolved` handle. */
export async function resolveConversation(services: Services, userId: string, conversationId: string, disposition: string): Promise<void> {
  const now = services.runtime.now();
  await services.db.transaction(async (tx) => {
    await lockRouting(tx);
    const record = await openRecord(tx, conversationId);
    await mayAct(tx, userId, record);
    if (!(await lockConversations(tx, [conversationId], { wait: true })).has(conversationId)) throw busy(conversationId);
    await tx.update(handoffRecords).set({ disposition }).where(eq(handoffRecords.id, record.id));
    await insertEvents(tx, [{ conversationId, event: { type: 'AGENT_RESOLVE', at: now.toISOString(), agent: userId }, dedupeKey: `resolve:${record.id}` }], now);
  });
  await after(services, conversationId);
}

async function assignTo(services: Services, conversationId: string, agentId: string, options: { mustBeWaiting: boolean; by?: string }): Promise<void> {
  const now = services.runtime.now();
  await services.db.transaction(async (tx) => {
    await lockRouting(tx);
    const record = await openRecord(tx, conversationId);
    if (options.by !== undefined) await mayAct(tx, options.by, record);
    if (options.mustBeWaiting && record.status !== 'waiting') throw new UserError('precondition', 'This conversation is already assigned.');
    if (record.agentId === agentId) throw new UserError('precondition', 'This conversation is already assigned to that agent.');
    await mayTake(tx, agentId, record);
    if (!(await lockConversations(tx, [conversationId], { wait: true })).has(conversationId)) throw busy(conversationId);
    // A direct transfer from one agent to another moves the record (and the slot) to the new agent.
    await markAssigned(tx, [{ agentId, handoffId: record.id }], now);
    await insertEvents(tx, [{ conversationId, event: { type: 'AGENT_ACCEPT', at: now.toISOString(), agent: agentId }, dedupeKey: `assign:${record.id}:${agentId}:${now.getTime()}` }], now);
  });
  await after(services, conversationId);
}

async function after(services: Services, conversationId: string): Promise<void> {
  await services.runtime.wake(conversationId);
  services.runtime.notifier.publish('routing');
}

async function openRecord(tx: Database, conversationId: string): Promise<HandoffRecordRow> {
  const [record] = await tx
    .select()
    .from(handoffRecords)
    .where(and(eq(handoffRecords.conversationId, conversationId), inArray(handoffRecords.status, ['waiting', 'assigned'])));
  if (!record) throw new UserError('precondition', `Conversation ${conversationId} is not waiting for or talking to an agent.`);
  return record;
}

/** Admins act on any handoff; an agent on the ones assigned to them. */
async function mayAct(tx: Database, userId: string, record: HandoffRecordRow): Promise<void> {
  const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound(`There is no user ${userId}.`);
  if (user.role === 'admin') return;
  if (user.role === 'agent' && record.agentId === userId) return;
  throw new UserError('forbidden', 'Only the assigned agent or an admin can do this.');
}

/** The agent must be an agent with the queue's and handoff's skills and a free slot on the channel. */
async function mayTake(tx: Database, agentId: string, record: HandoffRecordRow): Promise<void> {
  const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, agentId));
  if (!user) throw notFound(`There is no user ${agentId}.`);
  if (user.role !== 'agent' && user.role !== 'admin') throw new UserError('forbidden', 'Only agents take conversations.');
  const profile = await agentProfile(tx, agentId);
  const skills = new Map((profile?.skills ?? []).map((s) => [s.skill, s.level]));
  const book = await queueBook(tx);
  if (!qualifies({ skills }, mergeRequirements(book.rulesFor(record.queue).requiredSkills, record.skills))) {
    throw new UserError('forbidden', `The agent lacks the skills queue ${record.queue} requires.`);
  }
  const load = (await loadsOf(tx, [agentId])).get(agentId)?.[record.channel] ?? 0;
  // No profile yet: the defaults, as the desktop shows them (agentState).
  const capacity = (profile?.capacity ?? DEFAULT_CAPACITY)[record.channel] ?? 0;
  if (load >= capacity) throw new UserError('precondition', `No free ${record.channel} slot: ${load} of ${capacity} in use.`);
}

function busy(conversationId: string): UserError {
  return new UserError('precondition', `Conversation ${conversationId} is no longer in a handoff.`);
}
