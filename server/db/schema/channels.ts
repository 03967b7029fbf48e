// What the LINE and email channels remember beside the runtime's tables: LINE users' reply
// tokens and follow state; the Message-IDs of mail in and out, which thread replies.
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { oneOf } from './checks';
import { conversations } from './conversations';

/**
 * One row per LINE user who wrote to or followed the account. A user has at most one open
 * conversation, so the latest reply token per user is the latest per conversation; keying it by
 * user lets the webhook store it before the event is ingested (the reply may go out before
 * ingest returns).
 */
export const lineUsers = pgTable('line_users', {
  userId: text('user_id').primaryKey(),
  /** False after an unfollow (the user blocked the account): nothing is pushed to them. */
  followed: boolean('followed').notNull().default(true),
  replyToken: text('reply_token'),
  /** When the event carrying the token happened; LINE accepts a token for about a minute. */
  replyTokenAt: timestamp('reply_token_at', { withTimezone: true }),
  /** Set when a reply claimed the token: LINE takes each token once. */
  replyTokenUsedAt: timestamp('reply_token_used_at', { withTimezone: true }),
  /** Set when the display name was asked for (once per user, successful or not). */
  profileFetchedAt: timestamp('profile_fetched_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Mail received, by its Message-ID (as the runtime's dedupe key `email:<id>` names it). Which
 * conversation it went to is the event's: join `events.dedupe_key`.
 */
export const emailInbound = pgTable(
  'email_inbound',
  {
    messageId: text('message_id').primaryKey(),
    fromAddress: text('from_address').notNull(),
    /** The inbox it was sent to (not a reply address): a thread restarted later keeps its flow. */
    inbox: text('inbox'),
    subject: text('subject'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('email_inbound_from_idx').on(table.fromAddress, table.receivedAt)],
);

export const EMAIL_SEND_STATUSES = ['sending', 'sent'] as const;

/** Mail we sent, by the Message-ID derived from the outbox item's idempotency key. */
export const emailOutbound = pgTable(
  'email_outbound',
  {
    messageId: text('message_id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** `sending` before the SMTP hand-over, `sent` once the server took it. */
    status: text('status', { enum: EMAIL_SEND_STATUSES }).notNull().default('sending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    index('email_outbound_conversation_idx').on(table.conversationId, table.createdAt),
    check('email_outbound_status_check', oneOf(table.status, EMAIL_SEND_STATUSES)),
  ],
);

export type LineUserRow = typeof lineUsers.$inferSelect;
export type EmailInboundRow = typeof emailInbound.$inferSelect;
export type EmailOutboundRow = typeof emailOutbound.$inferSelect;
