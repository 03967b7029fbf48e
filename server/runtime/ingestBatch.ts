// Ingest of several events in one transaction (the runtime gathers events that arrive together,
// see batcher.ts): each caller is answered only after the commit, so "written before
// acknowledged" holds, while the transaction's fixed cost and the WAL flush are shared.
//
// The common batch, every sender known and writing into an open conversation, costs a fixed
// number of statements whatever its size: the conversations found and locked in one statement
// (in id order, as the processor locks them, so batches never deadlock with each other or with
// it), the message ids seen before in one, the conversations' last sequence numbers in one, and
// one multi-row insert. The numbers are read after the lock and every writer of events takes
// the lock first (internalEvents.ts), so they are exact. Any other batch (a new sender, contact
// details to fill in, a hangup) takes each event the long way, in order, in the same transaction.
import { and, asc, eq, inArray, max, ne, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactIdentities, conversations, events } from '../db/schema';
import { identityOf } from '../contacts/identities';
import type { InboundEvent } from './inbound';
import { dedupeKeyOf, firstDelivery, flowEventOf, ingestIn, type Ingested } from './ingest';
import { ingestKnownSender } from './ingestOne';

export interface IngestRequest {
  event: InboundEvent;
  /** When it arrived: its stamp. */
  now: Date;
}

/** Stores the events in one transaction; one answer per request, in order. */
export async function ingestEvents(db: Database, requests: IngestRequest[]): Promise<Ingested[]> {
  const [lone] = requests;
  const stored = requests.length === 1 && lone ? await ingestKnownSender(db, lone) : undefined;
  if (stored) return [stored];
  return db.transaction(async (tx) => {
    // One event alone that needs the long way (ingestOne.ts could not store it).
    const fast = requests.length > 1 ? await knownSendersOnly(tx, requests) : undefined;
    if (fast) return fast;
    const answers: Ingested[] = [];
    for (const { event, now } of requests) answers.push(await ingestIn(tx, event, now));
    return answers;
  });
}

const identityKey = (channel: string, address: string) => `${channel}\n${address}`;

/** The batch the short way, or undefined when one of its events needs the long way. */
async function knownSendersOnly(tx: Database, requests: IngestRequest[]): Promise<Ingested[] | undefined> {
  if (requests.some(({ event }) => event.contact !== undefined || event.hangup)) return undefined;
  const identities = requests.map(({ event }) => identityOf(event.channel, event.from));
  const senders = new Map(identities.map((identity) => [identityKey(identity.channel, identity.address), identity]));
  const open = await tx
    .select({ id: conversations.id, channel: contactIdentities.channel, address: contactIdentities.address })
    .from(contactIdentities)
    .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), ne(conversations.status, 'ended')))
    .where(or(...[...senders.values()].map((identity) => and(eq(contactIdentities.channel, identity.channel), eq(contactIdentities.address, identity.address)))))
    .orderBy(asc(conversations.id))
    .for('update', { of: conversations });
  const conversationOf = new Map(open.map((row) => [identityKey(row.channel, row.address), row.id]));
  if (conversationOf.size < senders.size) return undefined;

  const seen = await seenBefore(tx, requests);
  const lastSeq = await lastSequences(tx, [...new Set(conversationOf.values())]);
  const answers: (Ingested | string)[] = [];
  const rows: (typeof events.$inferInsert)[] = [];
  for (const { event, now } of requests) {
    const dedupeKey = dedupeKeyOf(event);
    const first = dedupeKey ? seen.get(dedupeKey) : undefined;
    if (first) {
      answers.push(first);
      continue;
    }
    // The same message twice in this batch: the second is answered with the first's row.
    if (dedupeKey && rows.some((row) => row.dedupeKey === dedupeKey)) {
      answers.push(dedupeKey);
      continue;
    }
    const sender = identityOf(event.channel, event.from);
    const conversationId = conversationOf.get(identityKey(sender.channel, sender.address)) ?? '';
    const seq = (lastSeq.get(conversationId) ?? 0) + 1;
    lastSeq.set(conversationId, seq);
    const flowEvent = flowEventOf(event, now);
    rows.push({ conversationId, seq, type: flowEvent.type, payload: flowEvent, dedupeKey, receivedAt: now });
    answers.push(`${conversationId}#${seq}`);
  }
  const inserted = rows.length === 0 ? [] : await tx.insert(events).values(rows).onConflictDoNothing({ target: events.dedupeKey }).returning({
    id: events.id,
    conversationId: events.conversationId,
    seq: events.seq,
    dedupeKey: events.dedupeKey,
  });
  const bySeq = new Map(inserted.map((row) => [`${row.conversationId}#${row.seq}`, { conversationId: row.conversationId, eventId: row.id }]));
  const byKey = new Map(inserted.flatMap((row) => (row.dedupeKey ? [[row.dedupeKey, { conversationId: row.conversationId, eventId: row.id }] as const] : [])));
  const resolved: Ingested[] = [];
  for (const [index, answer] of answers.entries()) {
    if (typeof answer !== 'string') resolved.push(answer);
    else resolved.push(bySeq.get(answer) ?? byKey.get(answer) ?? (await sameMessageElsewhere(tx, requests[index])));
  }
  return resolved;
}

/**
 * A row the insert skipped: its message id was committed meanwhile by a delivery to another
 * conversation (the lock keeps out any to this one). It leaves a gap in this conversation's
 * sequence numbers, which only order, never count.
 */
async function sameMessageElsewhere(tx: Database, request: IngestRequest | undefined): Promise<Ingested> {
  const dedupeKey = request ? dedupeKeyOf(request.event) : null;
  const first = dedupeKey ? await firstDelivery(tx, dedupeKey) : undefined;
  if (!first) throw new Error('the event was neither inserted nor found');
  return first;
}

/** First deliveries of the batch's message ids stored before it. */
async function seenBefore(tx: Database, requests: IngestRequest[]): Promise<Map<string, Ingested>> {
  const keys = requests.flatMap(({ event }) => dedupeKeyOf(event) ?? []);
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({ dedupeKey: events.dedupeKey, conversationId: events.conversationId, eventId: events.id })
    .from(events)
    .where(inArray(events.dedupeKey, keys));
  return new Map(rows.map(({ dedupeKey, ...first }) => [dedupeKey ?? '', first]));
}

async function lastSequences(tx: Database, conversationIds: string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ conversationId: events.conversationId, seq: max(events.seq) })
    .from(events)
    .where(inArray(events.conversationId, conversationIds))
    .groupBy(events.conversationId);
  return new Map(rows.map((row) => [row.conversationId, row.seq ?? 0]));
}
