// The batch's transcript and path rows as INSERT … SELECT FROM unnest(…): one array parameter
// per column, so the part's text is the same whatever the number of rows. drizzle's
// `insert().values()` builds (and maps through the column encoders) one placeholder per column
// per row, which the CPU profile showed among a worker's top costs, and every row count gave
// PostgreSQL a new text to parse. Arrays go in whole through `sql.param` (a bare array in a sql
// template would be spread into a list).
import { sql, type SQL } from 'drizzle-orm';
import type { conversationPath, messages, outbox } from '../db/schema';

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

type OutboxInsert = typeof outbox.$inferInsert;

/**
 * Outbox items in the order given (their ids number them in it), returning what writeRecorded
 * reads back. `leaseMs` per item: claimed as written, its next attempt that far past now; null
 * leaves it due at once, for dispatch's claim.
 */
export function insertOutbox(items: { item: OutboxInsert; leaseMs: number | null }[]): SQL {
  const of = <T>(pick: (item: OutboxInsert) => T) => column(items.map(({ item }) => pick(item)));
  return sql`insert into outbox (conversation_id, message_id, kind, channel, payload, idempotency_key, next_attempt_at)
    select r.conversation_id, r.message_id, r.kind, r.channel, r.payload::jsonb, r.idempotency_key,
      coalesce(now() + r.lease_ms * interval '1 millisecond', now())
    from unnest(${of((item) => item.conversationId)}::uuid[], ${of((item) => item.messageId ?? null)}::uuid[],
      ${of((item) => item.kind ?? 'send')}::text[], ${of((item) => item.channel ?? null)}::text[],
      ${of((item) => JSON.stringify(item.payload))}::text[], ${of((item) => item.idempotencyKey)}::text[],
      ${column(items.map(({ leaseMs }) => leaseMs))}::int[])
      with ordinality as r(conversation_id, message_id, kind, channel, payload, idempotency_key, lease_ms, n)
    order by r.n
    returning id, idempotency_key, next_attempt_at > now() as claimed`;
}
