// Skills-based routing: agents' skills, capacity and presence; queues with required skills,
// priority, business hours and overflow; one record per handoff with its times for analytics.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { oneOf } from './checks';
import { CHANNELS, contacts } from './contacts';
import { conversations } from './conversations';

export const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

export type Channel = (typeof CHANNELS)[number];
export interface SkillLevel {
  skill: string;
  level: number;
}
export interface RequiredSkill {
  skill: string;
  minLevel: number;
}
export interface QueueHours {
  timezone: string;
  weekly: { day: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'; open: string; close: string }[];
  holidays?: string[];
}

/** One row per agent (any user may get one; agents are the ones routed to). */
export const agentProfiles = pgTable(
  'agent_profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    skills: jsonb('skills').$type<SkillLevel[]>().notNull().default([]),
    /** Conversations at once per channel; a channel left out is not served. */
    capacity: jsonb('capacity').$type<Partial<Record<Channel, number>>>().notNull(),
    presence: text('presence', { enum: PRESENCES }).notNull().default('offline'),
    presenceSince: timestamp('presence_since', { withTimezone: true }).notNull().defaultNow(),
    /** When they last became free: presence turned available, a conversation ended or was assigned. */
    idleSince: timestamp('idle_since', { withTimezone: true }).notNull().defaultNow(),
    /** Designers only: may read transcripts (agents and admins always may). */
    readTranscripts: boolean('read_transcripts').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('agent_profiles_presence_check', oneOf(table.presence, PRESENCES))],
);

export const QUEUE_CLOSED_ACTIONS = ['stay', 'overflow'] as const;

/** A queue's routing rules. A queue named by a flow but absent here has none beyond the handoff's skills. */
export const routingQueues = pgTable(
  'routing_queues',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    requiredSkills: jsonb('required_skills').$type<RequiredSkill[]>().notNull().default([]),
    priority: integer('priority').notNull().default(0),
    /** Null: always open. */
    hours: jsonb('hours').$type<QueueHours>(),
    /** Outside business hours: keep waiting (not assigned) or move to the overflow queue. */
    whenClosed: text('when_closed', { enum: QUEUE_CLOSED_ACTIONS }).notNull().default('stay'),
    maxWaitSeconds: integer('max_wait_seconds'),
    overflowQueue: text('overflow_queue'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('routing_queues_when_closed_check', oneOf(table.whenClosed, QUEUE_CLOSED_ACTIONS))],
);

export const HANDOFF_STATUSES = ['waiting', 'assigned', 'resolved', 'abandoned', 'timeout', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** One handoff of a conversation, from queued to closed; open while waiting or assigned. */
export const handoffRecords = pgTable(
  'handoff_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    queue: text('queue').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    priority: integer('priority').notNull().default(0),
    summary: text('summary'),
    status: text('status', { enum: HANDOFF_STATUSES }).notNull().default('waiting'),
    agentId: text('agent_id').references(() => users.id, { onDelete: 'set null' }),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** Queued, or transferred last: the wait that orders the queue. */
    waitingSince: timestamp('waiting_since', { withTimezone: true }).notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** First agent reply minus queued, in seconds. */
    firstResponseSeconds: integer('first_response_seconds'),
    /** Closed minus first assigned, in seconds. */
    handleSeconds: integer('handle_seconds'),
    disposition: text('disposition'),
    /** How often it moved queue (agent transfer or overflow). */
    transfers: integer('transfers').notNull().default(0),
    /** The last position and time the customer was told (QUEUE_UPDATE). */
    toldPosition: integer('told_position'),
    toldAt: timestamp('told_at', { withTimezone: true }),
    /** The node sends position updates (it has `positionText`). */
    wantsPosition: boolean('wants_position').notNull().default(false),
  },
  (table) => [
    index('handoff_records_open_idx')
      .on(table.status, table.queue)
      .where(sql`${table.status} in ('waiting', 'assigned')`),
    index('handoff_records_conversation_idx').on(table.conversationId),
    index('handoff_records_agent_idx')
      .on(table.agentId)
      .where(sql`${table.status} = 'assigned'`),
    check('handoff_records_status_check', oneOf(table.status, HANDOFF_STATUSES)),
    check('handoff_records_channel_check', oneOf(table.channel, CHANNELS)),
  ],
);

export type AgentProfileRow = typeof agentProfiles.$inferSelect;
export type RoutingQueueRow = typeof routingQueues.$inferSelect;
export type HandoffRecordRow = typeof handoffRecords.$inferSelect;
