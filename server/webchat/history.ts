// `GET …/history`: what the widget shows after a reload. The visitor's chat messages across
// their conversations (an ended chat stays on screen above the next one) and the state of the
// latest conversation, which says whether to resume its stream.
import { and, desc, eq, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { messages } from '../db/schema';
import { messageView, stateView, type MessageView, type StateView } from '../runtime/conversationView';
import { latestConversation, visitorContact } from './visitors';

export interface HistoryMessage extends MessageView {
  conversationId: string;
}

export interface History {
  /** The open conversation, or the last one if it ended; null for a visitor who never wrote. */
  conversation: (StateView & { id: string }) | null;
  /** Oldest first; `id` is the transcript position the stream resumes after. */
  messages: HistoryMessage[];
}

/** A chat window's worth; older messages are in the agent desktop's history. */
export const HISTORY_LIMIT = 200;

export async function visitorHistory(db: Database, visitorId: string): Promise<History> {
  const contactId = await visitorContact(db, visitorId);
  if (!contactId) return { conversation: null, messages: [] };
  const latest = await latestConversation(db, contactId);
  // Web-chat messages, and the latest conversation's on every channel: a journey that moved
  // here from a call or an SMS shows what was said there (the widget labels it). Other
  // conversations' calls and texts are not the widget's to show.
  const shown = latest ? or(eq(messages.channel, 'webchat'), eq(messages.conversationId, latest.id)) : eq(messages.channel, 'webchat');
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.contactId, contactId), shown))
    .orderBy(desc(messages.position))
    .limit(HISTORY_LIMIT);
  return {
    conversation: latest ? { id: latest.id, ...stateView(latest) } : null,
    messages: rows.reverse().map((row) => ({ ...messageView(row), conversationId: row.conversationId })),
  };
}
