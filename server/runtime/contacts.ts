// One contact, many identities: an event is matched to a contact by (channel, address), and
// a new identity makes a new contact. Concurrent first messages from one sender meet on the
// identity's unique key, so they end up on the same contact.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactIdentities, contacts, type ContactRow } from '../db/schema';
import { identityOf, isPhoneChannel, type IdentityKey } from '../contacts/identities';
import type { InboundEvent } from './inbound';

export async function resolveContact(tx: Database, event: InboundEvent): Promise<ContactRow> {
  const identity = identityOf(event.channel, event.from);
  const existing = await contactByIdentity(tx, identity);
  if (existing) return fillMissing(tx, existing, event);
  const [created] = await tx
    .insert(contacts)
    .values({
      name: event.contact?.name ?? null,
      email: event.contact?.email ?? (event.channel === 'email' ? identity.address : null),
      phone: event.contact?.phone ?? (isPhoneChannel(event.channel) ? identity.address : null),
      locale: event.contact?.locale ?? null,
    })
    .returning();
  if (!created) throw new Error('the contact was not inserted');
  const claimed = await tx
    .insert(contactIdentities)
    .values({ contactId: created.id, ...identity })
    .onConflictDoNothing()
    .returning();
  if (claimed.length > 0) return created;
  // Someone else registered this identity first: use their contact, drop ours.
  await tx.delete(contacts).where(eq(contacts.id, created.id));
  const winner = await contactByIdentity(tx, identity);
  if (!winner) throw new Error(`identity ${identity.channel}:${identity.address} vanished`);
  return winner;
}

async function contactByIdentity(tx: Database, { channel, address }: IdentityKey) {
  const [row] = await tx
    .select({ contact: contacts })
    .from(contactIdentities)
    .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
    .where(and(eq(contactIdentities.channel, channel), eq(contactIdentities.address, address)));
  return row?.contact;
}

/** Details an event brings fill gaps; they never overwrite what is known. */
async function fillMissing(tx: Database, contact: ContactRow, event: InboundEvent): Promise<ContactRow> {
  const details = event.contact;
  if (!details) return contact;
  const patch = {
    ...(contact.name === null && details.name ? { name: details.name } : {}),
    ...(contact.email === null && details.email ? { email: details.email } : {}),
    ...(contact.phone === null && details.phone ? { phone: details.phone } : {}),
    ...(contact.locale === null && details.locale ? { locale: details.locale } : {}),
  };
  if (Object.keys(patch).length === 0) return contact;
  const [updated] = await tx
    .update(contacts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(contacts.id, contact.id))
    .returning();
  return updated ?? contact;
}
