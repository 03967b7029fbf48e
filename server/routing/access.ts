// Who sees which handoffs. An agent serves a queue when they have the queue's required skills
// at the required levels (a queue with none, or named only by flows, is served by every
// agent): the same rule routing assigns by, so an agent sees exactly the queues they could be
// given work from, and an admin changes one thing (skills) to change both.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, handoffRecords, type Role } from '../db/schema';
import { UserError } from '../errors';
import { agentProfile } from './agents';
import { mergeRequirements, qualifies } from './assign';
import { queueBook } from './queues';

export interface RoutingUser {
  id: string;
  role: Role;
}

export type QueueVisibility = { all: true } | { all: false; queues: string[] };

/** Admins all; agents the queues they serve; designers granted transcripts all; others none. */
export async function visibleQueues(db: Database, user: RoutingUser): Promise<QueueVisibility> {
  if (user.role === 'admin') return { all: true };
  if (user.role === 'designer' && (await canReadTranscripts(db, user))) return { all: true };
  if (user.role !== 'agent') return { all: false, queues: [] };
  const profile = await agentProfile(db, user.id);
  const skills = new Map((profile?.skills ?? []).map((s) => [s.skill, s.level]));
  const book = await queueBook(db);
  const named = await db.selectDistinct({ queue: handoffRecords.queue }).from(handoffRecords).where(inArray(handoffRecords.status, ['waiting', 'assigned']));
  const names = new Set([...book.configured.map((queue) => queue.id), ...named.map((row) => row.queue)]);
  const served = [...names].filter((queue) => qualifies({ skills }, mergeRequirements(book.rulesFor(queue).requiredSkills, [])));
  return { all: false, queues: served.sort() };
}

/** Designers read transcripts only when granted (agents of a queue and admins always). */
export async function canReadTranscripts(db: Database, user: RoutingUser): Promise<boolean> {
  if (user.role === 'admin' || user.role === 'agent') return true;
  if (user.role !== 'designer') return false;
  return (await agentProfile(db, user.id))?.readTranscripts ?? false;
}

/** Throws 'forbidden' unless the user may see the conversation (a queue they serve holds it, or it was assigned to them). */
export async function assertCanSeeConversation(db: Database, user: RoutingUser, conversationId: string): Promise<void> {
  const visible = await visibleQueues(db, user);
  if (visible.all) return;
  const [conversation] = await db.select({ queue: conversations.queue }).from(conversations).where(eq(conversations.id, conversationId));
  if (conversation?.queue && visible.queues.includes(conversation.queue)) return;
  const [theirs] = await db
    .select({ id: handoffRecords.id })
    .from(handoffRecords)
    .where(and(eq(handoffRecords.conversationId, conversationId), eq(handoffRecords.agentId, user.id)))
    .limit(1);
  if (theirs) return;
  throw new UserError('forbidden', 'You do not serve the queue of this conversation.');
}
