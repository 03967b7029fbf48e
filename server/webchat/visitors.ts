// Who a web-chat request is about: the binding its key names, and the visitor's contact and
// conversations. A visitor is a contact identity (`webchat` + visitor id), so the runtime's
// usual rules hold: one open conversation per contact, a new one after the last ended.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelBindings, contactIdentities, conversations, type ConversationRow } from '../db/schema';

/** The flow the key's `webchat` binding names; only an exact address counts as a key. */
export async function webchatBinding(db: Database, key: string): Promise<{ flowId: string } | undefined> {
  const [row] = await db
    .select({ flowId: channelBindings.flowId })
    .from(channelBindings)
    .where(and(eq(channelBindings.channel, 'webchat'), eq(channelBindings.address, key)));
  return row;
}

/** The visitor's contact, or undefined for a visitor who never wrote. */
export async function visitorContact(db: Database, visitorId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.channel, 'webchat'), eq(contactIdentities.address, visitorId)));
  return row?.contactId;
}

/** The open conversation if there is one, else the one that ended last. */
export async function latestConversation(db: Database, contactId: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(eq(conversations.contactId, contactId))
    .orderBy(sql`${conversations.status} = 'ended'`, desc(conversations.startedAt))
    .limit(1);
  return row;
}

/** How many conversations the contact has had: numbers the opening event of the next one. */
export async function conversationCount(db: Database, contactId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(conversations).where(eq(conversations.contactId, contactId));
  return row?.n ?? 0;
}
