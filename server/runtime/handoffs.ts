// Conversations waiting for or talking to an agent, oldest first: what `switchboard agent list`
// and `GET /api/v1/handoffs` show until the agent desktop has its own queues.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contacts, conversations } from '../db/schema';
import { handoffOf, type HandoffView } from './conversationView';

export interface WaitingHandoff {
  conversationId: string;
  queue: string | null;
  channel: string;
  contact: { id: string; name: string | null };
  handoff: HandoffView | null;
  since: string;
}

export async function waitingHandoffs(db: Database, queue?: string): Promise<WaitingHandoff[]> {
  const rows = await db
    .select({ conversation: conversations, name: contacts.name })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(conversations.status, 'handoff'), queue ? eq(conversations.queue, queue) : undefined))
    .orderBy(asc(conversations.updatedAt));
  return rows.map(({ conversation, name }) => ({
    conversationId: conversation.id,
    queue: conversation.queue,
    channel: conversation.channel,
    contact: { id: conversation.contactId, name },
    handoff: handoffOf(conversation.snapshot),
    since: conversation.updatedAt.toISOString(),
  }));
}
