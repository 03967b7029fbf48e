// Merging two contacts found to be one person. Everything of the merged contact moves to the
// survivor (identities, conversations and their messages) and the survivor fills the profile
// fields it lacked. A contact has one open conversation: if both have one, the survivor's (the
// journey that found the match, which the customer is in right now) stays open and the other
// ends with outcome `merged`, its timers cancelled; its transcript stays readable in the
// survivor's history. What moved is recorded in `contact_merges`, so `unmergeContacts` undoes it.
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactIdentities, contactMerges, contacts, conversations, messages, timers, type ContactRow, type MergeMoves } from '../db/schema';
import type { IdentityKey } from './identities';

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  reason: 'identify' | 'continue-link';
  /** The identity whose link showed the two are one. */
  identity: IdentityKey;
  conversationId?: string;
  now: Date;
}

export const PROFILE_FIELDS = ['name', 'email', 'phone', 'locale'] as const;

/** Merges `mergedId` into `survivorId` inside the caller's transaction; returns the merge's id. */
export async function mergeContacts(tx: Database, request: MergeRequest): Promise<string> {
  const { survivorId, mergedId } = request;
  if (survivorId === mergedId) throw new Error('a contact cannot be merged into itself');
  const [survivor, merged] = await lockContacts(tx, survivorId, mergedId);
  const owned = await tx.select().from(conversations).where(eq(conversations.contactId, mergedId)).orderBy(asc(conversations.id)).for('update');
  const [survivorOpen] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.contactId, survivorId), ne(conversations.status, 'ended')));
  const open = owned.find((row) => row.status !== 'ended');
  const ending = survivorOpen && open ? open : undefined;
  const moved: MergeMoves = { identities: [], conversations: owned.map((row) => row.id), ended: null, timers: [], filled: {}, messages: 0 };
  if (ending) {
    moved.ended = { id: ending.id, status: ending.status, outcome: ending.outcome, endedAt: ending.endedAt?.toISOString() ?? null };
    await tx.update(conversations).set({ status: 'ended', outcome: 'merged', endedAt: request.now, updatedAt: request.now }).where(eq(conversations.id, ending.id));
    const cancelled = await tx
      .update(timers)
      .set({ cancelledAt: request.now })
      .where(and(eq(timers.conversationId, ending.id), isNull(timers.firedAt), isNull(timers.cancelledAt)))
      .returning({ id: timers.id });
    moved.timers = cancelled.map((row) => row.id);
  }
  const identities = await tx.update(contactIdentities).set({ contactId: survivorId }).where(eq(contactIdentities.contactId, mergedId)).returning({ id: contactIdentities.id });
  moved.identities = identities.map((row) => row.id);
  if (moved.conversations.length > 0) {
    await tx.update(conversations).set({ contactId: survivorId }).where(inArray(conversations.id, moved.conversations));
    const carried = await tx.update(messages).set({ contactId: survivorId }).where(inArray(messages.conversationId, moved.conversations)).returning({ id: messages.id });
    moved.messages = carried.length;
  }
  moved.filled = await fillProfile(tx, survivor, merged, request.now);
  const [row] = await tx
    .insert(contactMerges)
    .values({
      survivorId,
      mergedId,
      reason: request.reason,
      identity: `${request.identity.channel}:${request.identity.address}`,
      conversationId: request.conversationId ?? null,
      moved,
      createdAt: request.now,
    })
    .returning({ id: contactMerges.id });
  if (!row) throw new Error('the merge was not recorded');
  return row.id;
}

/** Both contacts, locked in id order (as every merge locks them, so two merges never deadlock). */
export async function lockContacts(tx: Database, survivorId: string, mergedId: string): Promise<[ContactRow, ContactRow]> {
  const rows = await tx.select().from(contacts).where(inArray(contacts.id, [survivorId, mergedId])).orderBy(asc(contacts.id)).for('update');
  const survivor = rows.find((row) => row.id === survivorId);
  const merged = rows.find((row) => row.id === mergedId);
  if (!survivor || !merged) throw new Error(`contact ${survivor ? mergedId : survivorId} does not exist`);
  return [survivor, merged];
}

/** The survivor keeps what it knows; fields it lacks come from the merged contact. */
async function fillProfile(tx: Database, survivor: ContactRow, merged: ContactRow, now: Date): Promise<Record<string, string>> {
  const filled: Record<string, string> = {};
  for (const field of PROFILE_FIELDS) {
    const value = merged[field];
    if (survivor[field] === null && value !== null) filled[field] = value;
  }
  if (Object.keys(filled).length > 0) await tx.update(contacts).set({ ...filled, updatedAt: now }).where(eq(contacts.id, survivor.id));
  return filled;
}
