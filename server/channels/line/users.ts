// LINE users as the channel tracks them: the latest reply token (one use, about a minute of
// life), whether they still follow the account, whether their display name was asked for.
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { contactIdentities, contacts, conversations, lineUsers } from '../../db/schema';

/** LINE keeps a reply token for about a minute; we use it only this long after the event. */
export const REPLY_TOKEN_TTL_MS = 50_000;

/** Remembers the user's newest reply token (an older event redelivered late does not replace it). */
export async function storeReplyToken(db: Database, userId: string, token: string, at: Date): Promise<void> {
  await db
    .insert(lineUsers)
    .values({ userId, replyToken: token, replyTokenAt: at, followed: true })
    .onConflictDoUpdate({
      target: lineUsers.userId,
      set: { replyToken: token, replyTokenAt: at, replyTokenUsedAt: null, followed: true, updatedAt: sql`now()` },
      setWhere: or(isNull(lineUsers.replyTokenAt), lt(lineUsers.replyTokenAt, at)),
    });
}

/**
 * Takes the user's reply token if it is unused and younger than 50 s; marks it used in the same
 * statement, so two senders never both reply with it.
 */
export async function claimReplyToken(db: Database, userId: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(lineUsers)
    .set({ replyTokenUsedAt: now })
    .where(
      and(
        eq(lineUsers.userId, userId),
        isNull(lineUsers.replyTokenUsedAt),
        gt(lineUsers.replyTokenAt, new Date(now.getTime() - REPLY_TOKEN_TTL_MS)),
      ),
    )
    .returning({ token: lineUsers.replyToken });
  return row?.token ?? undefined;
}

export async function setFollowed(db: Database, userId: string, followed: boolean): Promise<void> {
  await db
    .insert(lineUsers)
    .values({ userId, followed })
    .onConflictDoUpdate({ target: lineUsers.userId, set: { followed, updatedAt: sql`now()` } });
}

export async function isUnfollowed(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ followed: lineUsers.followed }).from(lineUsers).where(eq(lineUsers.userId, userId));
  return row?.followed === false;
}

/** True for the one caller that gets to ask for the user's profile (once per user). */
export async function claimProfileFetch(db: Database, userId: string): Promise<boolean> {
  await db.insert(lineUsers).values({ userId }).onConflictDoNothing();
  const claimed = await db
    .update(lineUsers)
    .set({ profileFetchedAt: sql`now()` })
    .where(and(eq(lineUsers.userId, userId), isNull(lineUsers.profileFetchedAt)))
    .returning({ userId: lineUsers.userId });
  return claimed.length > 0;
}

/** Fills the contact's name from the LINE profile; a name already known is kept. */
export async function fillContactName(db: Database, userId: string, name: string): Promise<void> {
  const [identity] = await db
    .select({ contactId: contactIdentities.contactId })
    .from(contactIdentities)
    .where(and(eq(contactIdentities.channel, 'line'), eq(contactIdentities.address, userId)));
  if (!identity) return;
  await db
    .update(contacts)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(contacts.id, identity.contactId), isNull(contacts.name)));
}

/** The LINE user id of the conversation's contact (their newest LINE identity). */
export async function lineUserOf(db: Database, conversationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ address: contactIdentities.address })
    .from(conversations)
    .innerJoin(contactIdentities, and(eq(contactIdentities.contactId, conversations.contactId), eq(contactIdentities.channel, 'line')))
    .where(eq(conversations.id, conversationId))
    .orderBy(sql`${contactIdentities.createdAt} desc`)
    .limit(1);
  return row?.address;
}
