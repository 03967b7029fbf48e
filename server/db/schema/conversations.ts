// What the runtime persists per conversation: the pinned flow version, the machine snapshot,
// the append-only event log and the transcript.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { CHANNELS, contacts } from './contacts';
import { oneOf } from './checks';
import { flows } from './flows';

export const CONVERSATION_STATUSES = ['active', 'handoff', 'ended'] as const;

/** Which flow answers a channel, optionally only for one address (a number, a LINE channel). */
export const channelBindings = pgTable(
  'channel_bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** Null: any address on the channel. */
    address: text('address'),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('channel_bindings_channel_address_key').on(table.channel, table.address).nullsNotDistinct(),
    check('channel_bindings_channel_check', oneOf(table.channel, CHANNELS)),
  ],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    flowId: text('flow_id')
      .notNull()
      .references(() => flows.id),
    /** The version the conversation started on; publishing later does not move it. */
    flowVersion: integer('flow_version').notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('active'),
    snapshot: jsonb('snapshot'),
    /** Node id the machine waits in. */
    at: text('at'),
    outcome: text('outcome'),
    /** Highest event sequence applied to `snapshot`. */
    appliedSeq: integer('applied_seq').notNull().default(0),
    assignedTo: text('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    queue: text('queue'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    // At most one open journey per contact: events from any identity find it.
    uniqueIndex('conversations_open_contact_key')
      .on(table.contactId)
      .where(sql`${table.status} <> 'ended'`),
    index('conversations_contact_started_idx').on(table.contactId, table.startedAt),
    index('conversations_queue_idx').on(table.queue, table.status),
    check('conversations_channel_check', oneOf(table.channel, CHANNELS)),
    check('conversations_status_check', oneOf(table.status, CONVERSATION_STATUSES)),
  ],
);

export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** Channel + channel message id: a redelivered message is applied once. */
    dedupeKey: text('dedupe_key').unique(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (table) => [unique('events_conversation_seq_key').on(table.conversationId, table.seq)],
);

export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export const MESSAGE_AUTHORS = ['customer', 'bot', 'agent', 'system'] as const;
/** Outbound only: handed to the channel, or given up on after the outbox's retries. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Denormalized so the desktop reads a contact's whole history with one index. */
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    text: text('text'),
    payload: jsonb('payload'),
    author: text('author', { enum: MESSAGE_AUTHORS }).notNull(),
    agentId: text('agent_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null for inbound messages. */
    delivery: text('delivery', { enum: DELIVERY_STATUSES }),
    /** Why the last delivery attempt failed. */
    deliveryError: text('delivery_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: messages of one step share a timestamp but not a position. */
    position: bigserial('position', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('messages_conversation_idx').on(table.conversationId, table.position),
    index('messages_contact_idx').on(table.contactId, table.createdAt),
    check('messages_channel_check', oneOf(table.channel, CHANNELS)),
    check('messages_direction_check', oneOf(table.direction, MESSAGE_DIRECTIONS)),
    check('messages_author_check', oneOf(table.author, MESSAGE_AUTHORS)),
    check('messages_delivery_check', oneOf(table.delivery, DELIVERY_STATUSES)),
  ],
);

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
/** `send`: a message for a channel adapter; `http`: a call an `http` node asked for. */
export const OUTBOX_KINDS = ['send', 'http'] as const;

/** What one event asks of the outside world, committed with its transition, done at least once. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull().default('send'),
    /** Null for `http` items. */
    channel: text('channel', { enum: CHANNELS }),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('outbox_pending_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    check('outbox_status_check', oneOf(table.status, OUTBOX_STATUSES)),
    check('outbox_kind_check', oneOf(table.kind, OUTBOX_KINDS)),
  ],
);

/** Durable timers; a timer whose token no longer matches the snapshot does nothing. */
export const timers = pgTable(
  'timers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [
    unique('timers_conversation_token_key').on(table.conversationId, table.token),
    index('timers_due_idx')
      .on(table.fireAt)
      .where(sql`${table.firedAt} is null and ${table.cancelledAt} is null`),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
