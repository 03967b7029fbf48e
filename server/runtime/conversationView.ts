// `GET /api/v1/conversations/:id` and its stream: a conversation as DESIGN.md's HTTP API shows it.
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { conversations, messages, type ConversationRow, type MessageRow } from '../db/schema';
import { notFound } from '../errors';

export interface MessageView {
  /** The transcript position: increasing, and the SSE event id a reconnecting client resumes after. */
  id: number;
  direction: string;
  channel: string;
  text: string | null;
  author: string;
  quickReplies: { id: string; label: string }[];
  delivery: string | null;
  at: string;
}

export interface StateView {
  status: string;
  at: string | null;
  queue: string | null;
  outcome: string | null;
}

export interface HandoffView {
  queue: string;
  skills: string[];
  status: 'queued' | 'accepted';
  agent: string | null;
  summary: string | null;
}

export interface ConversationView extends StateView {
  id: string;
  contactId: string;
  flow: { id: string; version: number };
  vars: Record<string, unknown>;
  /** The current or last handoff, as the journey sees it. */
  handoff: HandoffView | null;
  channel: string;
  messages: MessageView[];
}

export async function conversationView(db: Database, id: string): Promise<ConversationView> {
  const conversation = await loadConversation(db, id);
  return {
    id: conversation.id,
    contactId: conversation.contactId,
    flow: { id: conversation.flowId, version: conversation.flowVersion },
    ...stateView(conversation),
    ...snapshotParts(conversation.snapshot),
    channel: conversation.channel,
    messages: await messagesAfter(db, id, 0),
  };
}

export async function loadConversation(db: Database, id: string): Promise<ConversationRow> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, id));
  if (!conversation) throw notFound(`There is no conversation ${id}.`);
  return conversation;
}

export function stateView(conversation: ConversationRow): StateView {
  return { status: conversation.status, at: conversation.at, queue: conversation.queue, outcome: conversation.outcome };
}

/** The transcript after a position (0: all of it), in order. */
export async function messagesAfter(db: Database, conversationId: string, after: number): Promise<MessageView[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), gt(messages.position, after)))
    .orderBy(asc(messages.position));
  return rows.map(messageView);
}

const QuickReplies = z.object({ quickReplies: z.array(z.object({ id: z.string(), label: z.string() })) });

export function messageView(row: MessageRow): MessageView {
  const replies = QuickReplies.safeParse(row.payload);
  return {
    id: row.position,
    direction: row.direction,
    channel: row.channel,
    text: row.text,
    author: row.author,
    quickReplies: replies.success ? replies.data.quickReplies : [],
    delivery: row.delivery,
    at: row.createdAt.toISOString(),
  };
}

/** The parts of a stored snapshot the views show; the engine's own types describe the rest. */
const SnapshotParts = z.object({
  context: z.object({
    vars: z.record(z.string(), z.unknown()).catch({}),
    handoff: z
      .object({
        queue: z.string(),
        skills: z.array(z.string()).catch([]),
        status: z.enum(['queued', 'accepted']),
        agent: z.string().optional(),
        summary: z.string().optional(),
      })
      .nullable()
      .catch(null),
  }),
});

/** The vars and handoff of a stored snapshot, read in one pass. */
function snapshotParts(snapshot: unknown): { vars: Record<string, unknown>; handoff: HandoffView | null } {
  const parsed = SnapshotParts.safeParse(snapshot);
  if (!parsed.success) return { vars: {}, handoff: null };
  const { vars, handoff } = parsed.data.context;
  return { vars, handoff: handoff && { queue: handoff.queue, skills: handoff.skills, status: handoff.status, agent: handoff.agent ?? null, summary: handoff.summary ?? null } };
}

export function handoffOf(snapshot: unknown): HandoffView | null {
  return snapshotParts(snapshot).handoff;
}
