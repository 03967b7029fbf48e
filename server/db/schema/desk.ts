// The agent desktop's own records: internal notes on conversations, canned responses, and the
// nodes each journey entered (the bot/IVR path the desktop shows beside the transcript).
import { bigserial, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { conversations } from './conversations';

/** Notes agents leave on a conversation for each other; never sent to the customer. */
export const deskNotes = pgTable(
  'desk_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('desk_notes_conversation_idx').on(table.conversationId, table.createdAt)],
);

/** Reusable replies; `text` is a Liquid template filled from the conversation's vars and contact. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** Typed after `/` in the reply box to find it quickly. */
    shortcut: text('shortcut'),
    text: text('text').notNull(),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('canned_responses_title_key').on(table.title)],
);

/**
 * Every node a journey entered, in order (the runtime's `enter` effects, written with the step
 * that entered them). The snapshot only keeps where the journey is now.
 */
export const conversationPath = pgTable(
  'conversation_path',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Qualified node id (`subflow-node/child-node` inside subflows). */
    node: text('node').notNull(),
    /** The flow that declares the node. */
    flow: text('flow').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('conversation_path_conversation_idx').on(table.conversationId, table.id)],
);

export type DeskNoteRow = typeof deskNotes.$inferSelect;
export type CannedResponseRow = typeof cannedResponses.$inferSelect;
export type ConversationPathRow = typeof conversationPath.$inferSelect;
