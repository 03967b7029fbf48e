// Two contacts found to be one person (an identity one of them had was linked to the other):
// what moved from the merged contact to the survivor, kept so the merge can be undone exactly.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { users } from './auth';
import { oneOf } from './checks';
import { contacts } from './contacts';

export const MERGE_REASONS = ['identify', 'continue-link'] as const;

/** The rows a merge moved and the state it changed, as the undo needs them. */
export const MergeMoves = z.object({
  identities: z.array(z.string()),
  conversations: z.array(z.string()),
  /** The merged contact's open conversation, ended with outcome `merged` (it was not the journey's). */
  ended: z
    .object({ id: z.string(), status: z.string(), outcome: z.string().nullable(), endedAt: z.string().nullable() })
    .nullable(),
  /** Pending timers of the ended conversation, cancelled with it. */
  timers: z.array(z.number()),
  /** Profile fields the survivor lacked and took from the merged contact. */
  filled: z.record(z.string(), z.string()),
  /** How many messages moved with the conversations (for people reading the list). */
  messages: z.number(),
});
export type MergeMoves = z.infer<typeof MergeMoves>;

export const contactMerges = pgTable(
  'contact_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** Kept (empty) while merged, so an undo has somewhere to move things back to. */
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: MERGE_REASONS }).notNull(),
    /** The identity whose link found the two were one (`channel:address`). */
    identity: text('identity').notNull(),
    /** The conversation whose journey linked it. */
    conversationId: uuid('conversation_id'),
    moved: jsonb('moved').$type<MergeMoves>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('contact_merges_survivor_idx').on(table.survivorId),
    index('contact_merges_merged_idx').on(table.mergedId),
    index('contact_merges_created_idx').on(sql`${table.createdAt} desc`),
    check('contact_merges_reason_check', oneOf(table.reason, MERGE_REASONS)),
  ],
);

export type ContactMergeRow = typeof contactMerges.$inferSelect;
