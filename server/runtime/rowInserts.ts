// The batch's transcript and path rows as INSERT … SELECT FROM unnest(…): one array parameter
// per column, so the part's text is the same whatever the number of rows. drizzle's
// `insert().values()` builds (and maps through the column encoders) one placeholder per column
// per row, which the CPU profile showed among a worker's top costs, and every row count gave
// PostgreSQL a new text to parse. Arrays go in whole through `sql.param` (a bare array in a sql
// template would be spread into a list).
import { sql, type SQL } from 'drizzle-orm';
import type { conversationPath, messages } from '../db/schema';

type MessageInsert = typeof messages.$inferInsert;
type PathInsert = typeof conversationPath.$inferInsert;

const column = <T>(values: T[]) => sql.param(values);

/**
 * Messages in the order given: unnest keeps array order, and `order by` on its ordinality makes
 * the `position` sequence number them in it (the transcript's step order).
 */
export function insertMessages(rows: MessageInsert[]): SQL {
  return sql`insert into messages (id, conversation_id, contact_id, direction, channel, text, payload, author, agent_id, delivery, created_at)
    select coalesce(r.id, gen_random_uuid()), r.conversation_id, r.contact_id, r.direction, r.channel, r.text, r.payload::jsonb,
      r.author, r.agent_id, r.delivery, coalesce(r.created_at, now())
    from unnest(${column(rows.map((row) => row.id ?? null))}::uuid[], ${column(rows.map((row) => row.conversationId))}::uuid[],
      ${column(rows.map((row) => row.contactId))}::uuid[], ${column(rows.map((row) => row.direction))}::text[],
      ${column(rows.map((row) => row.channel))}::text[], ${column(rows.map((row) => row.text ?? null))}::text[],
      ${column(rows.map((row) => (row.payload === undefined || row.payload === null ? null : JSON.stringify(row.payload))))}::text[],
      ${column(rows.map((row) => row.author))}::text[], ${column(rows.map((row) => row.agentId ?? null))}::text[],
      ${column(rows.map((row) => row.delivery ?? null))}::text[], ${column(rows.map((row) => isoOrNull(row.createdAt)))}::timestamptz[])
      with ordinality as r(id, conversation_id, contact_id, direction, channel, text, payload, author, agent_id, delivery, created_at, n)
    order by r.n`;
}

/** Nodes entered, in the order given (the path's `id` sequence numbers them in it). */
export function insertPath(rows: PathInsert[]): SQL {
  return sql`insert into conversation_path (conversation_id, node, flow, entered_at)
    select r.conversation_id, r.node, r.flow, r.entered_at
    from unnest(${column(rows.map((row) => row.conversationId))}::uuid[], ${column(rows.map((row) => row.node))}::text[],
      ${column(rows.map((row) => row.flow))}::text[], ${column(rows.map((row) => isoOrNull(row.enteredAt)))}::timestamptz[])
      with ordinality as r(conversation_id, node, flow, entered_at, n)
    order by r.n`;
}

function isoOrNull(at: Date | undefined): string | null {
  return at === undefined ? null : at.toISOString();
}
