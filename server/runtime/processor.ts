// Applies a conversation's stored, not yet applied events in sequence order. The conversation
// row, locked for the transaction, is the serialization point: any worker may be handed any
// conversation, but only one at a time holds its row, and `applied_seq` says what is done. So
// per-conversation order holds with any queue (BullMQ has no groups in its open-source edition)
// and a job delivered twice does nothing the second time.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
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
import { contactIdentities, contacts, conversations, events, type ContactRow, type ConversationRow } from '../db/schema';
import type { FlowProgram, MachineCache } from './machines';
import { recordEffects, type Recorded } from './record';

export interface Processed {
  applied: number;
  /** Outbox items this run committed, to hand to their adapters now. */
  outbox: number[];
  /** Timers this run set, to arm now. */
  timers: { token: string; fireAt: Date }[];
}

export async function processConversation(
  db: Database,
  machines: MachineCache,
  conversationId: string,
  deliveredOnCommit: (channel: ConversationRow['channel']) => boolean,
): Promise<Processed> {
  return db.transaction(async (tx) => {
    // No wait for the WAL flush: everything this transaction writes follows from events that are
    // already durable, with deterministic idempotency keys. A crash can only lose the whole
    // transaction (never part of it), and the events are then applied again, sending what was
    // sent under the same keys. The customer's message itself was committed durably at ingest.
    await tx.execute(sql`set local synchronous_commit = off`);
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
    if (!conversation) return { applied: 0, outbox: [], timers: [] };
    const pending = await tx
      .select()
      .from(events)
      .where(and(eq(events.conversationId, conversationId), gt(events.seq, conversation.appliedSeq)))
      .orderBy(asc(events.seq));
    if (pending.length === 0) return { applied: 0, outbox: [], timers: [] };
    const program = await machines.get(tx, conversation.flowId, conversation.flowVersion);
    // Only a journey's start reads the contact; later steps have it in the snapshot.
    const contact = conversation.snapshot === null ? await journeyContact(tx, conversation) : undefined;

    let snapshot = conversation.snapshot === null ? undefined : restoreJourney(program.machine, persisted(conversation));
    const recorded: Recorded = { outbox: [], timers: [], status: conversation.status, outcome: conversation.outcome, queue: conversation.queue, channel: conversation.channel };
    for (const event of pending) {
      const flowEvent = FlowEvent.parse(event.payload);
      const step = stepFor(program, snapshot, flowEvent, conversation, contact);
      snapshot = step.snapshot;
      await recordEffects(tx, { conversation, deliveredOnCommit, event, flowEvent, effects: step.effects }, recorded);
    }
    const done = snapshot?.status === 'done';
    await tx
      .update(conversations)
      .set({
        snapshot: snapshot ? persistJourney(snapshot) : null,
        appliedSeq: pending[pending.length - 1]?.seq ?? conversation.appliedSeq,
        at: snapshot?.context.at ?? conversation.at,
        // The journey's channel moves on outbound too (a survey sent by SMS), not only when the customer writes.
        channel: snapshot?.context.channel ?? recorded.channel,
        queue: recorded.queue,
        status: done ? 'ended' : recorded.status,
        outcome: recorded.outcome,
        endedAt: done ? new Date() : null,
        updatedAt: new Date(),
      })
      .where(eq(conversations.id, conversationId));
    await tx
      .update(events)
      .set({ appliedAt: sql`now()` })
      .where(and(eq(events.conversationId, conversationId), gt(events.seq, conversation.appliedSeq)));
    return { applied: pending.length, outbox: recorded.outbox, timers: recorded.timers };
  });
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
