// `POST …/continue` `{ visitorId, token }`: a customer opened a continue link (an SMS said
// "continue in chat: …/chat/continue/<token>"). The token is checked, then the browser's visitor
// id becomes a `webchat` identity of the journey's contact, so the widget shows that
// conversation and the customer's next message continues it. A visitor id that belonged to
// another contact (they chatted before on this browser) is the same person proving both: the
// two contacts are merged, the journey's conversation stays open (see server/contacts/merge.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { linkIdentity } from '../contacts/link';
import type { Database } from '../db/client';
import { contactMerges, conversations, type ConversationRow } from '../db/schema';
import { verifyContinueToken, type ContinueClaims } from '../journeys/continueToken';
import type { WebchatRequest } from './endpoints';
import { VisitorId } from './requests';
import { failure, invalid, json, readJson } from './responses';

export const ContinueBody = z.object({ visitorId: VisitorId, token: z.string().min(1).max(200) }).strict();

const REFUSALS = {
  malformed: [400, 'link_invalid', 'This link is not a valid continue link. Check that it was copied whole.'],
  tampered: [400, 'link_invalid', 'This link is not a valid continue link. Check that it was copied whole.'],
  expired: [410, 'link_expired', 'This link has expired. Contact us again and we will send a new one.'],
  ended: [410, 'conversation_ended', 'This conversation has ended. Start a new chat and we will help you there.'],
  gone: [410, 'link_invalid', 'This link no longer leads to a conversation.'],
} as const;

export async function postContinue({ request, db, linkSecret, now }: WebchatRequest & { linkSecret: string; now: Date }): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = ContinueBody.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  const verified = verifyContinueToken(parsed.data.token, linkSecret, now);
  if (!verified.ok) return refuse(verified.reason);
  if (verified.claims.channel !== 'webchat') return refuse('malformed');
  const result = await db.transaction(async (tx) => {
    const conversation = await journeyConversation(tx, verified.claims);
    if (typeof conversation === 'string') return conversation;
    const linked = await linkIdentity(tx, conversation.contactId, { channel: 'webchat', address: parsed.data.visitorId }, { reason: 'continue-link', conversationId: conversation.id, now });
    return { conversationId: conversation.id, contactId: conversation.contactId, linked: linked.outcome, ...(linked.mergeId ? { mergeId: linked.mergeId } : {}) };
  });
  return typeof result === 'string' ? refuse(result) : json(result);
}

/** The conversation the token names, locked, if it still is the token contact's and open. */
async function journeyConversation(tx: Database, claims: ContinueClaims): Promise<ConversationRow | 'ended' | 'gone'> {
  const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, claims.conversationId)).for('update');
  if (!conversation) return 'gone';
  if (conversation.status === 'ended') return 'ended';
  if (conversation.contactId === claims.contactId) return conversation;
  // The link's contact was merged into the conversation's since: still the same person.
  const [merged] = await tx
    .select({ id: contactMerges.id })
    .from(contactMerges)
    .where(and(eq(contactMerges.mergedId, claims.contactId), eq(contactMerges.survivorId, conversation.contactId), isNull(contactMerges.undoneAt)));
  return merged ? conversation : 'gone';
}

function refuse(reason: keyof typeof REFUSALS): Response {
  const [status, code, message] = REFUSALS[reason];
  return failure(status, code, message, status === 400 ? 'token' : undefined);
}
