// Linking an identity to a contact: the identity is added if nobody has it; if another contact
// has it, that contact is merged into this one (merge.ts). Runs inside the caller's transaction:
// the step that linked it (processor.ts) or the exchange of a continue link.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactIdentities, contacts } from '../db/schema';
import type { IdentityKey } from './identities';
import { mergeContacts, type MergeRequest } from './merge';

export interface LinkResult {
  /** `added`: new to the contact; `known`: it had it; `merged`: another contact had it and was merged in. */
  outcome: 'added' | 'known' | 'merged';
  mergeId?: string;
}

export async function linkIdentity(
  tx: Database,
  contactId: string,
  identity: IdentityKey,
  context: Pick<MergeRequest, 'reason' | 'conversationId' | 'now'>,
): Promise<LinkResult> {
  const inserted = await tx.insert(contactIdentities).values({ contactId, ...identity }).onConflictDoNothing().returning({ id: contactIdentities.id });
  if (inserted.length > 0) {
    await fillFromIdentity(tx, contactId, identity, context.now);
    return { outcome: 'added' };
  }
  const [owner] = await tx
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.channel, identity.channel), eq(contactIdentities.address, identity.address)));
  if (!owner) throw new Error(`identity ${identity.channel}:${identity.address} was neither inserted nor found`);
  if (owner.contactId === contactId) return { outcome: 'known' };
  const mergeId = await mergeContacts(tx, { survivorId: contactId, mergedId: owner.contactId, identity, ...context });
  return { outcome: 'merged', mergeId };
}

/** A contact without an email (or phone) on its profile takes the one just linked. */
async function fillFromIdentity(tx: Database, contactId: string, identity: IdentityKey, now: Date): Promise<void> {
  const field = identity.channel === 'email' ? contacts.email : identity.channel === 'phone' ? contacts.phone : undefined;
  if (!field) return;
  await tx
    .update(contacts)
    .set(identity.channel === 'email' ? { email: identity.address, updatedAt: now } : { phone: identity.address, updatedAt: now })
    .where(and(eq(contacts.id, contactId), isNull(field)));
}
