// Queue configuration: what admins set per queue, and the rules a queue named only by a flow
// gets (no required skills, priority 0, always open, no overflow).
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isOpen, isValidTimeZone } from '@/flows';
import type { Database } from '../db/client';
import { routingQueues, type QueueHours, type RoutingQueueRow } from '../db/schema';
import { notFound } from '../errors';

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes').max(100);
const Clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');

export const QueueHoursInput = z.object({
  timezone: z.string().min(1).refine(isValidTimeZone, 'not an IANA time zone'),
  weekly: z.array(z.object({ day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), open: Clock, close: Clock })).max(50),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')).max(400).optional(),
});

export const QueueInput = z
  .object({
    id: Slug,
    name: z.string().trim().min(1).max(200),
    requiredSkills: z.array(z.object({ skill: z.string().trim().min(1).max(100), minLevel: z.number().int().min(1).max(5) })).max(30).default([]),
    priority: z.number().int().min(0).max(100).default(0),
    hours: QueueHoursInput.nullable().default(null),
    whenClosed: z.enum(['stay', 'overflow']).default('stay'),
    maxWaitSeconds: z.number().int().min(1).max(7 * 24 * 3600).nullable().default(null),
    overflowQueue: Slug.nullable().default(null),
  })
  .refine((queue) => queue.overflowQueue !== queue.id, { path: ['overflowQueue'], message: 'a queue cannot overflow into itself' });
export type QueueInput = z.infer<typeof QueueInput>;

/** The rules of a queue as routing applies them. */
export interface QueueRules {
  id: string;
  name: string;
  requiredSkills: RoutingQueueRow['requiredSkills'];
  priority: number;
  hours: QueueHours | null;
  whenClosed: 'stay' | 'overflow';
  maxWaitSeconds: number | null;
  overflowQueue: string | null;
}

export async function listQueues(db: Database): Promise<QueueRules[]> {
  return (await db.select().from(routingQueues).orderBy(asc(routingQueues.id))).map(rulesOf);
}

export async function upsertQueue(db: Database, input: QueueInput): Promise<QueueRules> {
  const values = { ...input, updatedAt: new Date() };
  const [row] = await db.insert(routingQueues).values(values).onConflictDoUpdate({ target: routingQueues.id, set: values }).returning();
  if (!row) throw new Error('the queue was neither inserted nor updated');
  return rulesOf(row);
}

export async function deleteQueue(db: Database, id: string): Promise<void> {
  const deleted = await db.delete(routingQueues).where(eq(routingQueues.id, id)).returning({ id: routingQueues.id });
  if (deleted.length === 0) throw notFound(`There is no queue ${id}.`);
}

/** The configured queues by id; `rulesFor` answers for any name. */
export async function queueBook(db: Database): Promise<QueueBook> {
  return new QueueBook(await listQueues(db));
}

export class QueueBook {
  private readonly byId: Map<string, QueueRules>;
  constructor(readonly configured: QueueRules[]) {
    this.byId = new Map(configured.map((queue) => [queue.id, queue]));
  }

  rulesFor(id: string): QueueRules {
    return this.byId.get(id) ?? { id, name: id, requiredSkills: [], priority: 0, hours: null, whenClosed: 'stay', maxWaitSeconds: null, overflowQueue: null };
  }

  /** Closed only when it has hours and `at` is outside them. */
  isOpen(id: string, at: Date): boolean {
    const hours = this.rulesFor(id).hours;
    return hours === null || isOpen(at, hours);
  }
}

function rulesOf(row: RoutingQueueRow): QueueRules {
  return {
    id: row.id,
    name: row.name,
    requiredSkills: row.requiredSkills,
    priority: row.priority,
    hours: row.hours ?? null,
    whenClosed: row.whenClosed,
    maxWaitSeconds: row.maxWaitSeconds ?? null,
    overflowQueue: row.overflowQueue ?? null,
  };
}
