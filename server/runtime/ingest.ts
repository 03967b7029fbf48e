// Ingest: an inbound event is written to the database before anyone is told "accepted". It
// finds its contact, then the contact's open conversation or a new one on the bound flow, and
// takes the conversation's next sequence number under the conversation's row lock.
import { and, eq, ne } from 'drizzle-orm';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { contactIdentities, conversations, events, flows } from '../db/schema';
import { UserError } from '../errors';
import { identityOf } from '../contacts/identities';
import { boundFlow } from './bindings';
import { resolveContact } from './contacts';
import type { InboundEvent } from './inbound';
import { insertEvent } from './internalEvents';

/** For a message id seen before, the first delivery's result (nothing new is stored). */
export interface Ingested {
  conversationId: string;
  eventId: number;
}

export function dedupeKeyOf(event: InboundEvent): string | null {
  return event.messageId === undefined ? null : `${event.channel}:${event.messageId}`;
}

/** Stores one event inside the caller's transaction. */
export async function ingestIn(tx: Database, event: InboundEvent, now: Date): Promise<Ingested> {
  const dedupeKey = dedupeKeyOf(event);
  // The common case first: a known sender writing into its open conversation, found and
  // locked in one statement. A repeated message id then shows as the insert's conflict, so a
  // first delivery costs no separate look-up. Contact details to fill in take the long way.
  const known = event.contact === undefined ? await lockedOpenConversation(tx, event) : undefined;
  if (!known && dedupeKey) {
    const seen = await firstDelivery(tx, dedupeKey);
    if (seen) return seen;
  }
  const conversationId = known ?? (await conversationFor(tx, event));
  const eventId = await insertEvent(tx, conversationId, flowEventOf(event, now), dedupeKey, now);
  if (eventId !== undefined) return { conversationId, eventId };
  // Delivered before (or twice at once, and the other delivery committed first).
  const seen = dedupeKey ? await firstDelivery(tx, dedupeKey) : undefined;
  if (!seen) throw new Error('the event was neither inserted nor found');
  return seen;
}

/** The sender's open conversation, locked, when the sender's identity is known. */
async function lockedOpenConversation(tx: Database, event: InboundEvent): Promise<string | undefined> {
  const identity = identityOf(event.channel, event.from);
  const [row] = await tx
    .select({ id: conversations.id })
    .from(contactIdentities)
    .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), ne(conversations.status, 'ended')))
    .where(and(eq(contactIdentities.channel, identity.channel), eq(contactIdentities.address, identity.address)))
    .for('update', { of: conversations });
  return row?.id;
}

/** The long way: the contact found or made (details filled in), then its conversation. */
async function conversationFor(tx: Database, event: InboundEvent): Promise<string> {
  const contact = await resolveContact(tx, event);
  const conversation = event.hangup ? await conversationToLeave(tx, contact.id) : await openConversation(tx, contact.id, event);
  return conversation.id;
}

export function flowEventOf(event: InboundEvent, now: Date): FlowEvent {
  if (event.hangup) return { type: 'HANGUP', at: now.toISOString(), channel: event.channel };
  return {
    type: 'CUSTOMER',
    at: now.toISOString(),
    channel: event.channel,
    ...(event.text !== undefined ? { text: event.text } : {}),
    ...(event.digits !== undefined ? { digits: event.digits } : {}),
    ...(event.payload !== undefined ? { payload: event.payload } : {}),
  };
}

/** Leaving needs a conversation to leave: a hangup never starts one. */
async function conversationToLeave(tx: Database, contactId: string) {
  const [open] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, contactId), ne(conversations.status, 'ended')))
    .for('update');
  if (!open) throw new UserError('precondition', 'This contact has no open conversation to leave.', { issues: [{ path: 'hangup', message: 'no open conversation' }] });
  return open;
}

export async function firstDelivery(tx: Database, dedupeKey: string): Promise<Ingested | undefined> {
  const [row] = await tx
    .select({ conversationId: events.conversationId, eventId: events.id })
    .from(events)
    .where(eq(events.dedupeKey, dedupeKey));
  return row;
}

/** The contact's open conversation, locked; or a new one on the flow bound to the channel. */
async function openConversation(tx: Database, contactId: string, event: InboundEvent) {
  const open = and(eq(conversations.contactId, contactId), ne(conversations.status, 'ended'));
  const [existing] = await tx.select().from(conversations).where(open).for('update');
  if (existing) return existing;
  const flowId = await boundFlow(tx, event.channel, event.to);
  if (!flowId) {
    throw new UserError('precondition', `No flow answers ${event.channel}${event.to ? ` at ${event.to}` : ''}. Bind one with \`switchboard binding set\`.`, {
      issues: [{ path: 'channel', message: 'no flow is bound to this channel' }],
    });
  }
  const [flow] = await tx.select({ version: flows.latestVersion }).from(flows).where(eq(flows.id, flowId));
  if (!flow || flow.version === 0) {
    throw new UserError('precondition', `The flow "${flowId}" bound to ${event.channel} has no published version. Publish it first.`);
  }
  await tx
    .insert(conversations)
    .values({ contactId, flowId, flowVersion: flow.version, channel: event.channel })
    .onConflictDoNothing();
  // Either ours, or one a concurrent first message created for the same contact.
  const [created] = await tx.select().from(conversations).where(open).for('update');
  if (!created) throw new Error('the conversation was neither created nor found');
  return created;
}
