// Applies conversations' stored, not yet applied events in sequence order. The conversation
// row, locked for the transaction, is the serialization point: any worker may be handed any
// conversation, but only one at a time holds its row, and `applied_seq` says what is done. So
// per-conversation order holds with any queue (BullMQ has no groups in its open-source edition)
// and a job delivered twice does nothing the second time.
//
// Group commit: one transaction applies the pending events of several conversations (a batch
// the caller gathered from concurrent jobs, see batcher.ts). Each conversation's events are
// still applied one by one, in order, and everything one event writes commits together; what
// changes is that the batch shares the transaction's fixed cost and each table is written with
// one multi-row statement, so a batch of 30 costs about the round trips one event did. Rows are
// locked in id order, so two batches sharing conversations wait for each other, never deadlock.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyMachineSnapshot, StateValue } from 'xstate';
import { z } from 'zod';
import {
  applyEvent,
  Contact,
  FlowEvent,
  persistJourney,
  restoreJourney,
  startJourney,
  type FlowContext,
  type PersistedJourney,
  type StepResult,
} from '@/flows';
import type { Database } from '../db/client';
import { contactIdentities, contacts, conversations, events, type ContactRow, type ConversationRow, type EventRow } from '../db/schema';
import { linkedIdentity } from '../contacts/identities';
import { linkIdentity } from '../contacts/link';
import type { OutboxRow } from './dispatch';
import { lockConversations, pendingEvents } from './applyReads';
import type { FlowProgram, MachineCache } from './machines';
import { PendingWrites, recordEffects, writeRecorded, type Recorded } from './record';

export interface Processed {
  applied: number;
  /** Conversations that applied at least one event (stream readers are told). */
  changed: string[];
  /** Outbox items this run committed, to hand to their adapters now. */
  outbox: number[];
  /** Those of them it claimed as it wrote them: handed over without claiming. */
  claimed: OutboxRow[];
  /** Timers this run set, to arm now. */
  timers: { conversationId: string; token: string; fireAt: Date }[];
  /** A handoff was queued, moved, accepted or closed: routing has work. */
  handoffs: boolean;
}

type DeliveredOnCommit = (channel: ConversationRow['channel']) => boolean;

/** The conversation's new state, written by the batch's one update. */
interface ConversationUpdate {
  id: string;
  snapshot: unknown;
  appliedSeq: number;
  at: string | null;
  channel: ConversationRow['channel'];
  queue: string | null;
  status: ConversationRow['status'];
  outcome: string | null;
  ended: boolean;
}

/** Applies the pending events of every given conversation in one transaction; all or nothing. */
export async function processConversations(db: Database, machines: MachineCache, ids: string[], deliveredOnCommit: DeliveredOnCommit): Promise<Processed> {
  const unique = [...new Set(ids)].sort();
  return db.transaction(async (tx) => {
    // No wait for the WAL flush: everything this transaction writes follows from events that are
    // already durable, with deterministic idempotency keys. A crash can only lose the whole
    // transaction (never part of it), and the events are then applied again, sending what was
    // sent under the same keys. The customer's message itself was committed durably at ingest.
    // Said in the locking statement (applyReads.ts): one round trip fewer. It runs for each row
    // found, and with none found the transaction writes nothing. The lock also reads whether a
    // message of the conversation is still pending, which decides if this run's may be claimed
    // as written.
    const lockedRows = await lockConversations(tx, unique);
    const locked = lockedRows.map((row) => row.conversation);
    const claimable = new Set(lockedRows.flatMap((row) => (row.sendPending ? [] : [row.conversation.id])));
    const pending = await pendingEvents(tx, unique);
    const processed: Processed = { applied: 0, changed: [], outbox: [], claimed: [], timers: [], handoffs: false };
    if (pending.length === 0) return processed;
    const byConversation = new Map<string, EventRow[]>();
    for (const event of pending) {
      const list = byConversation.get(event.conversationId);
      if (list) list.push(event);
      else byConversation.set(event.conversationId, [event]);
    }
    const writes = new PendingWrites();
    const updates: ConversationUpdate[] = [];
    for (const conversation of locked) {
      const rows = byConversation.get(conversation.id);
      if (!rows) continue;
      const program = await machines.get(tx, conversation.flowId, conversation.flowVersion);
      updates.push(await stepConversation(tx, program, conversation, rows, writes, deliveredOnCommit));
      processed.applied += rows.length;
      processed.changed.push(conversation.id);
    }
    const written = await writeRecorded(tx, writes, conversationWrites(updates, pending.map((event) => event.id)), claimable);
    processed.outbox = written.ids;
    processed.claimed = written.claimed;
    // After the batch's own writes: a merge may end another conversation of this batch.
    for (const link of writes.identities) {
      await linkIdentity(tx, link.conversation.contactId, linkedIdentity(link.kind, link.address), { reason: 'identify', conversationId: link.conversation.id, now: link.at });
    }
    processed.timers = writes.toArm();
    processed.handoffs = writes.handoffs.size > 0;
    return processed;
  });
}

/** Steps one conversation through its pending events, collecting what they write. */
async function stepConversation(
  tx: Database,
  program: FlowProgram,
  conversation: ConversationRow,
  pending: EventRow[],
  writes: PendingWrites,
  deliveredOnCommit: DeliveredOnCommit,
): Promise<ConversationUpdate> {
  // Only a journey's start reads the contact; later steps have it in the snapshot.
  const contact = conversation.snapshot === null ? await journeyContact(tx, conversation) : undefined;
  let snapshot = conversation.snapshot === null ? undefined : restoreJourney(program.machine, persisted(conversation));
  const recorded: Recorded = { status: conversation.status, outcome: conversation.outcome, queue: conversation.queue, channel: conversation.channel };
  for (const event of pending) {
    const flowEvent = FlowEvent.parse(event.payload);
    const step = stepFor(program, snapshot, flowEvent, conversation, contact);
    snapshot = step.snapshot;
    recordEffects(writes, { conversation, deliveredOnCommit, event, flowEvent, effects: step.effects }, recorded);
  }
  const done = snapshot?.status === 'done';
  return {
    id: conversation.id,
    snapshot: snapshot ? persistJourney(snapshot) : null,
    appliedSeq: pending[pending.length - 1]?.seq ?? conversation.appliedSeq,
    at: snapshot?.context.at ?? conversation.at,
    // The journey's channel moves on outbound too (a survey sent by SMS), not only when the customer writes.
    channel: snapshot?.context.channel ?? recorded.channel,
    queue: recorded.queue,
    status: done ? 'ended' : recorded.status,
    outcome: recorded.outcome,
    ended: done,
  };
}

/** Every conversation's new state from one `update … from (values …)`, and the events marked applied. */
function conversationWrites(updates: ConversationUpdate[], eventIds: number[]): SQL[] {
  const rows = updates.map(
    (u) =>
      sql`(${u.id}::uuid, ${u.snapshot === null ? null : JSON.stringify(u.snapshot)}::jsonb, ${u.appliedSeq}::int, ${u.at}::text, ${u.channel}::text, ${u.queue}::text, ${u.status}::text, ${u.outcome}::text, ${u.ended}::boolean)`,
  );
  return [
    sql`update ${events} set applied_at = now() where ${inArray(events.id, eventIds)}`,
    sql`update ${conversations} as c set
      snapshot = v.snapshot, applied_seq = v.applied_seq, at = v.at, channel = v.channel, queue = v.queue,
      status = v.status, outcome = v.outcome, ended_at = case when v.ended then now() else null end, updated_at = now()
    from (values ${sql.join(rows, sql`, `)}) as v(id, snapshot, applied_seq, at, channel, queue, status, outcome, ended)
    where c.id = v.id`,
  ];
}

/** The first event starts the journey (its message is the one that opened it); later ones step it. */
function stepFor(
  program: FlowProgram,
  snapshot: AnyMachineSnapshot | undefined,
  parsed: FlowEvent,
  conversation: ConversationRow,
  contact: Contact | undefined,
): StepResult {
  if (snapshot) return applyEvent(program.machine, snapshot, parsed);
  if (!contact) throw new Error(`conversation ${conversation.id} starts without its contact`);
  const opening = parsed.type === 'CUSTOMER' ? parsed : undefined;
  return startJourney(program.machine, {
    conversationId: conversation.id,
    contact,
    channel: opening?.channel ?? conversation.channel,
    now: parsed.at,
    ...(opening?.text !== undefined ? { text: opening.text } : {}),
    ...(opening?.digits !== undefined ? { digits: opening.digits } : {}),
    ...(opening?.payload !== undefined ? { payload: opening.payload } : {}),
  });
}

async function journeyContact(tx: Database, conversation: ConversationRow): Promise<Contact> {
  const [contact] = await tx.select().from(contacts).where(eq(contacts.id, conversation.contactId));
  if (!contact) throw new Error(`conversation ${conversation.id} has no contact`);
  return contactInput(contact, await lineIdentity(tx, contact.id));
}

/** The contact's LINE user id, which LINE messages are pushed to; flows may pass it on. */
async function lineIdentity(tx: Database, contactId: string): Promise<string | undefined> {
  const [identity] = await tx
    .select({ address: contactIdentities.address })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.contactId, contactId), eq(contactIdentities.channel, 'line')));
  return identity?.address;
}

function contactInput(contact: ContactRow, lineUserId: string | undefined): Contact {
  return Contact.parse({
    id: contact.id,
    ...(lineUserId ? { lineUserId } : {}),
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.locale ? { locale: contact.locale } : {}),
    attributes: contact.attributes ?? {},
  });
}

/** A snapshot as persistJourney wrote it; the engine's own types describe the inside. */
const StoredSnapshot = z.object({
  value: z.custom<StateValue>((value) => typeof value === 'string' || (typeof value === 'object' && value !== null)),
  context: z.custom<FlowContext>((value) => typeof value === 'object' && value !== null),
  status: z.enum(['active', 'done']),
});

function persisted(conversation: ConversationRow): PersistedJourney {
  const parsed = StoredSnapshot.safeParse(conversation.snapshot);
  if (!parsed.success) throw new Error(`conversation ${conversation.id} has an unreadable snapshot`);
  return parsed.data;
}
