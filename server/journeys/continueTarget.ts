// What the continue-link page (/chat/continue/<token>) shows: the widget on the right web-chat
// key, or why not. Reading only: the browser's widget makes the exchange (`POST …/continue`), so
// a link previewer fetching the page binds nothing.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelBindings, conversations } from '../db/schema';
import { DEMO_WEBCHAT } from '../flows/seed';
import { webchatBinding } from '../webchat/visitors';
import { verifyContinueToken } from './continueToken';

export type ContinueTarget =
  | { state: 'ok'; key: string; conversationId: string }
  | { state: 'expired' | 'invalid' | 'ended' | 'no-chat' };

export async function continueTarget(db: Database, secret: string, token: string, now: Date): Promise<ContinueTarget> {
  const verified = verifyContinueToken(token, secret, now);
  if (!verified.ok) return { state: verified.reason === 'expired' ? 'expired' : 'invalid' };
  if (verified.claims.channel !== 'webchat') return { state: 'invalid' };
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, verified.claims.conversationId));
  if (!conversation) return { state: 'invalid' };
  if (conversation.status === 'ended') return { state: 'ended' };
  const key = await webchatKeyFor(db, conversation.flowId);
  return key ? { state: 'ok', key, conversationId: conversation.id } : { state: 'no-chat' };
}

/**
 * The web-chat key a journey continues on: one bound to the journey's flow (the oldest), else
 * SWITCHBOARD_CONTINUE_WEBCHAT_KEY, else the demo key, as long as it is bound. The key only
 * picks the widget's look and texts: the visitor's messages reach the journey through the identity.
 */
export async function webchatKeyFor(db: Database, flowId: string): Promise<string | undefined> {
  const [own] = await db
    .select({ key: channelBindings.address })
    .from(channelBindings)
    .where(and(eq(channelBindings.channel, 'webchat'), eq(channelBindings.flowId, flowId), isNotNull(channelBindings.address)))
    .orderBy(asc(channelBindings.createdAt))
    .limit(1);
  if (own?.key) return own.key;
  const fallback = process.env.SWITCHBOARD_CONTINUE_WEBCHAT_KEY || DEMO_WEBCHAT.key;
  return (await webchatBinding(db, fallback)) ? fallback : undefined;
}
