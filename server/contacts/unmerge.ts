// Undoing a merge exactly: what moved goes back to the merged contact, the conversation the
// merge ended reopens as it was (its cancelled timers pending again; one already due fires on
// the next sweep), and the survivor's profile loses the fields it took. What happened after
// the merge stays where it is (new conversations, identities linked since): it is the survivor's.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactIdentities, contactMerges, contacts, conversations, messages, timers, MergeMoves, CONVERSATION_STATUSES } from '../db/schema';
import { UserError } from '../errors';
import { lockContacts } from './merge';

export async function unmergeContacts(db: Database, mergeId: string, by: string | null, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [merge] = await tx.select().from(contactMerges).where(eq(contactMerges.id, mergeId)).for('update');
    if (!merge) throw new UserError('not-found', `No merge ${mergeId}.`);
    if (merge.undoneAt) throw new UserError('conflict', `Merge ${mergeId} was already undone.`);
    const moved = MergeMoves.parse(merge.moved);
    const [survivor] = await lockContacts(tx, merge.survivorId, merge.mergedId);
    await refuseIfMovedOn(tx, merge.survivorId, moved);
    if (moved.identities.length > 0) await tx.update(contactIdentities).set({ contactId: merge.mergedId }).where(inArray(contactIdentities.id, moved.identities));
    if (moved.conversations.length > 0) {
      await tx.update(conversations).set({ contactId: merge.mergedId }).where(inArray(conversations.id, moved.conversations));
      await tx.update(messages).set({ contactId: merge.mergedId }).where(inArray(messages.conversationId, moved.conversations));
    }
    if (moved.ended) await reopen(tx, moved.ended, moved.timers);
    const restore = Object.fromEntries(Object.entries(moved.filled).filter(([field, value]) => survivor[field as keyof typeof survivor] === value).map(([field]) => [field, null]));
    if (Object.keys(restore).length > 0) await tx.update(contacts).set({ ...restore, updatedAt: now }).where(eq(contacts.id, merge.survivorId));
    await tx.update(contactMerges).set({ undoneAt: now, undoneBy: by }).where(eq(contactMerges.id, mergeId));
  });
}

/** A later merge took the survivor's rows elsewhere: undo that one first. */
async function refuseIfMovedOn(tx: Database, survivorId: string, moved: MergeMoves): Promise<void> {
  const identities = moved.identities.length === 0 ? [] : await tx.select({ contactId: contactIdentities.contactId }).from(contactIdentities).where(inArray(contactIdentities.id, moved.identities));
  const owned = moved.conversations.length === 0 ? [] : await tx.select({ contactId: conversations.contactId }).from(conversations).where(inArray(conversations.id, moved.conversations));
  const elsewhere = [...identities, ...owned].some((row) => row.contactId !== survivorId);
  if (elsewhere || identities.length !== moved.identities.length || owned.length !== moved.conversations.length) {
    throw new UserError('conflict', 'What this merge moved has moved on since (a later merge took it): undo the later merge first.');
  }
}

async function reopen(tx: Database, ended: NonNullable<MergeMoves['ended']>, timerIds: number[]): Promise<void> {
  const status = CONVERSATION_STATUSES.find((value) => value === ended.status) ?? 'active';
  // Only if nothing ended it for another reason since.
  await tx
    .update(conversations)
    .set({ status, outcome: ended.outcome, endedAt: ended.endedAt ? new Date(ended.endedAt) : null })
    .where(and(eq(conversations.id, ended.id), eq(conversations.outcome, 'merged')));
  if (timerIds.length > 0) await tx.update(timers).set({ cancelledAt: null }).where(and(inArray(timers.id, timerIds), isNull(timers.firedAt)));
}
