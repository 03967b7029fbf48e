// What the desktop and the admin page read: the waiting list with positions, an agent's
// assigned conversations, and live figures per queue.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { agentProfiles, contacts, handoffRecords, users, type HandoffRecordRow, type SkillLevel } from '../db/schema';
import { mergeRequirements, qualifies } from './assign';
import { queueBook, type QueueBook } from './queues';
import type { AssignedItem, QueueFigure, WaitingItem } from './types';

export interface WaitingFilter {
  queues: 'all' | string[];
}

/** Waiting conversations in serving order (priority, then longest wait); positions per queue. */
export async function waitingConversations(db: Database, filter: WaitingFilter): Promise<WaitingItem[]> {
  if (filter.queues !== 'all' && filter.queues.length === 0) return [];
  const rows = await db
    .select({ record: handoffRecords, name: contacts.name })
    .from(handoffRecords)
    .innerJoin(contacts, eq(contacts.id, handoffRecords.contactId))
    .where(and(eq(handoffRecords.status, 'waiting'), filter.queues === 'all' ? undefined : inArray(handoffRecords.queue, filter.queues)))
    .orderBy(asc(handoffRecords.waitingSince));
  const ordered = rows.sort((a, b) => b.record.priority - a.record.priority || a.record.waitingSince.getTime() - b.record.waitingSince.getTime() || a.record.id - b.record.id);
  const seen = new Map<string, number>();
  return ordered.map(({ record, name }) => {
    const position = (seen.get(record.queue) ?? 0) + 1;
    seen.set(record.queue, position);
    return { ...itemOf(record, name), position };
  });
}

/** The agent's conversations now, oldest assignment first. */
export async function assignedConversations(db: Database, agentId: string): Promise<AssignedItem[]> {
  const rows = await db
    .select({ record: handoffRecords, name: contacts.name })
    .from(handoffRecords)
    .innerJoin(contacts, eq(contacts.id, handoffRecords.contactId))
    .where(and(eq(handoffRecords.status, 'assigned'), eq(handoffRecords.agentId, agentId)))
    .orderBy(asc(handoffRecords.assignedAt));
  return rows.map(({ record, name }) => ({
    ...itemOf(record, name),
    agentId,
    assignedAt: (record.assignedAt ?? record.queuedAt).toISOString(),
    firstResponseAt: record.firstResponseAt?.toISOString() ?? null,
  }));
}

/** Per queue (configured, or with open handoffs): waiting, longest wait, available agents who serve it. */
export async function queueFigures(db: Database, now = new Date()): Promise<QueueFigure[]> {
  const book = await queueBook(db);
  const open = await db
    .select({ queue: handoffRecords.queue, status: handoffRecords.status, waitingSince: handoffRecords.waitingSince })
    .from(handoffRecords)
    .where(inArray(handoffRecords.status, ['waiting', 'assigned']));
  const available = await db
    .select({ skills: agentProfiles.skills })
    .from(agentProfiles)
    .innerJoin(users, eq(users.id, agentProfiles.userId))
    .where(and(eq(agentProfiles.presence, 'available'), eq(users.role, 'agent')));
  const names = new Set([...book.configured.map((queue) => queue.id), ...open.map((row) => row.queue)]);
  return [...names].sort().map((queue) => figureOf(queue, book, open, available, now));
}

function figureOf(
  queue: string,
  book: QueueBook,
  open: { queue: string; status: HandoffRecordRow['status']; waitingSince: Date }[],
  available: { skills: SkillLevel[] }[],
  now: Date,
): QueueFigure {
  const rules = book.rulesFor(queue);
  const mine = open.filter((row) => row.queue === queue);
  const waiting = mine.filter((row) => row.status === 'waiting');
  const oldest = Math.min(...waiting.map((row) => row.waitingSince.getTime()));
  const requires = mergeRequirements(rules.requiredSkills, []);
  const agentsAvailable = available.filter((agent) => qualifies({ skills: skillMap(agent.skills) }, requires)).length;
  return {
    queue,
    name: rules.name,
    waiting: waiting.length,
    longestWaitSeconds: waiting.length === 0 ? 0 : Math.max(0, Math.floor((now.getTime() - oldest) / 1000)),
    agentsAvailable,
    assigned: mine.length - waiting.length,
  };
}

function skillMap(skills: SkillLevel[]): Map<string, number> {
  return new Map(skills.map((s) => [s.skill, s.level]));
}

function itemOf(record: HandoffRecordRow, name: string | null): Omit<WaitingItem, 'position'> {
  return {
    conversationId: record.conversationId,
    handoffId: record.id,
    contact: { id: record.contactId, name },
    channel: record.channel,
    queue: record.queue,
    priority: record.priority,
    skills: record.skills,
    summary: record.summary,
    queuedAt: record.queuedAt.toISOString(),
    waitingSince: record.waitingSince.toISOString(),
  };
}
