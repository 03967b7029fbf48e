// A lone event from a known sender (the common case below saturation, when ingest batches hold
// one event) stored by ONE statement in its own implicit transaction: the sender's open
// conversation found and locked, its next sequence number taken and the event inserted. An
// explicit transaction cost four round trips (BEGIN, lock, insert, COMMIT) and as many
// statements for PostgreSQL; this is one, committed durably before the caller answers, as before.
// The row lock is held until the statement's commit, so numbers never collide (every writer of
// events takes it first, see internalEvents.ts).
import { z } from 'zod';
import type { Database } from '../db/client';
import { runFixed, type FixedStatement } from '../db/fixedStatement';
import { identityOf } from '../contacts/identities';
import { dedupeKeyOf, flowEventOf, type Ingested } from './ingest';
import type { IngestRequest } from './ingestBatch';

const Inserted = z.array(z.object({ id: z.coerce.number(), conversation_id: z.string() }));

const STORE_KNOWN: FixedStatement = {
  name: 'ingest_known_sender',
  text: `
    with conversation as (
      select c.id from conversations c
      join contact_identities i on i.contact_id = c.contact_id
      where i.channel = $1 and i.address = $2 and c.status <> 'ended'
      for update of c
    )
    insert into events (conversation_id, seq, type, payload, dedupe_key, received_at)
    select conversation.id, (select coalesce(max(e.seq), 0) + 1 from events e where e.conversation_id = conversation.id),
      $3, $4::jsonb, $5, $6::timestamptz
    from conversation
    on conflict (dedupe_key) do nothing
    returning id, conversation_id`,
};

/**
 * Stores the event when its sender has an open conversation and its message id is new; undefined
 * otherwise (a new sender, contact details to fill in, a hangup, a repeated message id), and
 * nothing is written: the caller then takes the long way.
 */
export async function ingestKnownSender(db: Database, { event, now }: IngestRequest): Promise<Ingested | undefined> {
  if (event.contact !== undefined || event.hangup) return undefined;
  const identity = identityOf(event.channel, event.from);
  const flowEvent = flowEventOf(event, now);
  const rows = await runFixed(db, STORE_KNOWN, [identity.channel, identity.address, flowEvent.type, JSON.stringify(flowEvent), dedupeKeyOf(event), now.toISOString()]);
  const [row] = Inserted.parse(rows);
  return row ? { conversationId: row.conversation_id, eventId: row.id } : undefined;
}
