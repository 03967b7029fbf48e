// Email has no buttons: our mails list a menu's options as numbered lines, and a reply that is
// just one of those numbers picks that option (sent to the journey as the option's payload,
// as a click on a chat channel would be).
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { contactIdentities, conversations, messages } from '../../db/schema';

const NUMBER = /^(\d{1,2})[.)]?$/;
const Payload = z.object({ quickReplies: z.array(z.object({ id: z.string(), label: z.string() })) });

/** The option id a numbered answer picks in the sender's open conversation's last mail. */
export async function numberedChoice(db: Database, sender: string, text: string): Promise<string | undefined> {
  const number = NUMBER.exec(text.trim())?.[1];
  if (!number) return undefined;
  const [last] = await db
    .select({ payload: messages.payload })
    .from(contactIdentities)
    .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), ne(conversations.status, 'ended')))
    .innerJoin(messages, and(eq(messages.conversationId, conversations.id), eq(messages.direction, 'out')))
    .where(and(eq(contactIdentities.channel, 'email'), eq(contactIdentities.address, sender)))
    .orderBy(desc(messages.position))
    .limit(1);
  const parsed = Payload.safeParse(last?.payload);
  return parsed.success ? parsed.data.quickReplies[Number(number) - 1]?.id : undefined;
}
