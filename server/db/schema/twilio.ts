// What the Twilio voice and SMS channels keep beside the runtime's tables: calls and the TwiML
// each webhook step answered (so a replayed webhook gets the same answer), the number a
// conversation reached us on (an SMS reply goes out from it), and each SMS handed to Twilio
// with the provider's message SID and delivery status.
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversations, messages } from './conversations';

/** One phone call, by Twilio's CallSid. */
export const twilioCalls = pgTable(
  'twilio_calls',
  {
    callSid: text('call_sid').primaryKey(),
    /** Set once the call's first event is stored. */
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    from: text('from').notNull(),
    to: text('to').notNull(),
    /**
     * Transcript position already said before the call began: the first answer says only what
     * follows it. Taken once by the first webhook, so a replay renders the same.
     */
    startPosition: bigint('start_position', { mode: 'number' }).notNull(),
    /** The status callback's final CallStatus (completed, busy, no-answer…). */
    endStatus: text('end_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [index('twilio_calls_conversation_idx').on(table.conversationId)],
);

/** The TwiML answered at each step of a call; step 0 is the call's first webhook. */
export const twilioCallSteps = pgTable(
  'twilio_call_steps',
  {
    callSid: text('call_sid')
      .notNull()
      .references(() => twilioCalls.callSid, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    /** The last transcript position this answer said: the next step says what follows. */
    position: bigint('position', { mode: 'number' }).notNull(),
    /** What the answer ends with: `gather`, `handoff`, `pause`, `hangup`. */
    kind: text('kind').notNull(),
    /** For `gather`: the no-input timer token the journey waited on when it was rendered. */
    timerToken: text('timer_token'),
    twiml: text('twiml').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.callSid, table.step] })],
);

/** The Twilio number a conversation last reached us on (an SMS reply is sent from it). */
export const twilioConversationNumbers = pgTable('twilio_conversation_numbers', {
  conversationId: uuid('conversation_id')
    .primaryKey()
    .references(() => conversations.id, { onDelete: 'cascade' }),
  number: text('number').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each SMS the adapter handed to Twilio, by the outbox item's idempotency key. */
export const twilioSmsSends = pgTable(
  'twilio_sms_sends',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'set null' }),
    to: text('to').notNull(),
    from: text('from').notNull(),
    /** Twilio's MessageSid, recorded once Twilio accepted the message; null while unknown. */
    messageSid: text('message_sid').unique(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (table) => [index('twilio_sms_sends_conversation_idx').on(table.conversationId)],
);

/**
 * Twilio's delivery status of a message, by MessageSid, as its status callbacks report it
 * (kept apart from the sends: a callback may arrive before the send recorded the SID).
 */
export const twilioSmsStatuses = pgTable('twilio_sms_statuses', {
  messageSid: text('message_sid').primaryKey(),
  /** queued, sending, sent, delivered, undelivered, failed… */
  status: text('status').notNull(),
  errorCode: text('error_code'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TwilioCallRow = typeof twilioCalls.$inferSelect;
export type TwilioCallStepRow = typeof twilioCallSteps.$inferSelect;
export type TwilioSmsSendRow = typeof twilioSmsSends.$inferSelect;
