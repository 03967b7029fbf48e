// `GET /api/v1/conversations/:id`: a conversation as DESIGN.md's HTTP API shows it.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, messages } from '../db/schema';
import { notFound } from '../errors';

export interface ConversationView {
  id: string;
  status: string;
  flow: { id: string; version: number };
  at: string | null;
  vars: Record<string, unknown>;
  channel: string;
  outcome: string | null;
  messages: { direction: string; channel: string; text: string | null; author: string; at: string }[];
}

export async function conversationView(db: Database, id: string): Promise<ConversationView> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id));
  if (!conversation) throw notFound(`There is no conversation ${id}.`);
  const transcript = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, id))
    .orderBy(asc(messages.position));
  return {
    id: conversation.id,
    status: conversation.status,
    flow: { id: conversation.flowId, version: conversation.flowVersion },
    at: conversation.at,
    vars: varsOf(conversation.snapshot),
    channel: conversation.channel,
    outcome: conversation.outcome,
    messages: transcript.map((m) => ({ direction: m.direction, channel: m.channel, text: m.text, author: m.author, at: m.createdAt.toISOString() })),
  };
}

function varsOf(snapshot: unknown): Record<string, unknown> {
  if (typeof snapshot !== 'object' || snapshot === null || !('context' in snapshot)) return {};
  const context: unknown = snapshot.context;
  if (typeof context !== 'object' || context === null || !('vars' in context)) return {};
  const vars: unknown = context.vars;
  return typeof vars === 'object' && vars !== null ? Object.fromEntries(Object.entries(vars)) : {};
}
