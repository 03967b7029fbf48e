// A conversation's timeline for the desktop: the transcript (every channel, each message
// labelled with its channel and author) with the nodes the journey entered between messages.
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { conversationPath, messages, users, type MessageRow } from '../db/schema';

export type TimelineEntry =
  | {
      kind: 'message';
      id: string;
      direction: 'in' | 'out';
      channel: string;
      author: 'customer' | 'bot' | 'agent' | 'system';
      /** The agent's name for agent messages sent from the desktop (or the label an API client gave). */
      agentName: string | null;
      text: string;
      delivery: string | null;
      at: string;
    }
  | { kind: 'node'; id: string; node: string; type: string | null; at: string };

/** Node id → type, from the flow version the conversation runs. */
export type NodeTypes = ReadonlyMap<string, string>;

const AgentPayload = z.object({ agent: z.string() });

/** The timeline, oldest first. Entries of one step share a time: nodes sit before the bot's answers. */
export async function conversationTimeline(db: Database, conversationId: string, nodeTypes: NodeTypes): Promise<TimelineEntry[]> {
  const [rows, path] = await Promise.all([
    db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.position)),
    db.select().from(conversationPath).where(eq(conversationPath.conversationId, conversationId)).orderBy(asc(conversationPath.id)),
  ]);
  const names = await agentNames(db, rows);
  const entries: { entry: TimelineEntry; time: number; rank: number; order: number }[] = [];
  for (const row of rows) {
    const entry = messageEntry(row, names);
    entries.push({ entry, time: row.createdAt.getTime(), rank: row.direction === 'in' ? 0 : 2, order: row.position });
  }
  for (const step of path) {
    const entry: TimelineEntry = { kind: 'node', id: `node-${step.id}`, node: step.node, type: nodeTypes.get(step.node) ?? null, at: step.enteredAt.toISOString() };
    entries.push({ entry, time: step.enteredAt.getTime(), rank: 1, order: step.id });
  }
  // Inbound messages and entered nodes carry the event's time; the bot's answers, the commit's.
  entries.sort((a, b) => a.time - b.time || a.rank - b.rank || a.order - b.order);
  return entries.map(({ entry }) => entry);
}

function messageEntry(row: MessageRow, names: ReadonlyMap<string, string>): TimelineEntry {
  const agent = row.author === 'agent' ? agentOf(row) : null;
  return {
    kind: 'message',
    id: row.id,
    direction: row.direction,
    channel: row.channel,
    author: row.author,
    agentName: agent === null ? null : (names.get(agent) ?? agent),
    text: row.text ?? '',
    delivery: row.delivery,
    at: row.createdAt.toISOString(),
  };
}

function agentOf(row: MessageRow): string | null {
  if (row.agentId) return row.agentId;
  const parsed = AgentPayload.safeParse(row.payload);
  return parsed.success ? parsed.data.agent : null;
}

async function agentNames(db: Database, rows: MessageRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.author === 'agent' ? [agentOf(row) ?? ''] : [])).filter(Boolean))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((user) => [user.id, user.name]));
}
