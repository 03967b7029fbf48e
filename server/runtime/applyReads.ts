// The apply run's two reads (processor.ts), as fixed statements (server/db/fixedStatement.ts):
// the same text whatever the batch holds, the ids passed as one array. Rows are mapped here to
// the shapes drizzle's schema gives them.
import { z } from 'zod';
import type { Database } from '../db/client';
import { runFixed, type FixedStatement } from '../db/fixedStatement';
import { CHANNELS, CONVERSATION_STATUSES, type ConversationRow, type EventRow } from '../db/schema';

/** A timestamp as either driver returns it (node-postgres, through drizzle: text; PGlite: a Date). */
const Timestamp = z.union([z.date(), z.string().transform((text) => new Date(text))]);

const LockedRow = z.object({
  id: z.string(),
  contact_id: z.string(),
  flow_id: z.string(),
  flow_version: z.coerce.number(),
  channel: z.enum(CHANNELS),
  status: z.enum(CONVERSATION_STATUSES),
  snapshot: z.unknown(),
  at: z.string().nullable(),
  outcome: z.string().nullable(),
  applied_seq: z.coerce.number(),
  assigned_to: z.string().nullable(),
  queue: z.string().nullable(),
  started_at: Timestamp,
  updated_at: Timestamp,
  ended_at: Timestamp.nullable(),
  send_pending: z.boolean(),
});

const PendingRow = z.object({
  id: z.coerce.number(),
  conversation_id: z.string(),
  seq: z.coerce.number(),
  type: z.string(),
  payload: z.unknown(),
  dedupe_key: z.string().nullable(),
  received_at: Timestamp,
  applied_at: Timestamp.nullable(),
});

/**
 * Locks the conversations in id order (batches never deadlock) and says for each whether a
 * message of it is still pending (only the lock's holder adds any). No wait for the WAL flush at
 * this transaction's commit (set_config(…, true) is `set local`): see processor.ts.
 */
const LOCK: FixedStatement = {
  name: 'apply_lock_conversations',
  text: `
    select c.*, set_config('synchronous_commit', 'off', true) as async_commit,
      exists (select 1 from outbox o where o.conversation_id = c.id and o.kind = 'send' and o.status = 'pending') as send_pending
    from conversations c where c.id = any($1::uuid[]) order by c.id for update`,
};

/** Read after the lock, so `applied_seq` is the one this transaction owns. */
const PENDING: FixedStatement = {
  name: 'apply_pending_events',
  text: `
    select e.* from events e join conversations c on c.id = e.conversation_id
    where e.conversation_id = any($1::uuid[]) and e.seq > c.applied_seq
    order by e.conversation_id, e.seq`,
};

export interface Locked {
  conversation: ConversationRow;
  sendPending: boolean;
}

export async function lockConversations(tx: Database, ids: string[]): Promise<Locked[]> {
  return (await runFixed(tx, LOCK, [ids])).map((raw) => {
    const row = LockedRow.parse(raw);
    return {
      conversation: {
        id: row.id,
        contactId: row.contact_id,
        flowId: row.flow_id,
        flowVersion: row.flow_version,
        channel: row.channel,
        status: row.status,
        snapshot: row.snapshot,
        at: row.at,
        outcome: row.outcome,
        appliedSeq: row.applied_seq,
        assignedTo: row.assigned_to,
        queue: row.queue,
        startedAt: row.started_at,
        updatedAt: row.updated_at,
        endedAt: row.ended_at,
      },
      sendPending: row.send_pending,
    };
  });
}

export async function pendingEvents(tx: Database, ids: string[]): Promise<EventRow[]> {
  return (await runFixed(tx, PENDING, [ids])).map((raw) => {
    const row = PendingRow.parse(raw);
    return {
      id: row.id,
      conversationId: row.conversation_id,
      seq: row.seq,
      type: row.type,
      payload: row.payload,
      dedupeKey: row.dedupe_key,
      receivedAt: row.received_at,
      appliedAt: row.applied_at,
    };
  });
}
