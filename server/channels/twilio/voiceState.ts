// What a voice answer needs to know about a conversation: where the journey is, whether every
// event is applied, the no-input timer it waits on, the language to speak, and the flow node it
// waits in (type and fields), read from the flow version the conversation is pinned to.
import { eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { conversations, events } from '../../db/schema';
import { readStoredFlow } from '../../flows/document';
import { publishedLibrary } from '../../flows/library';
import { getVersion } from '../../flows/publishing';

export interface WaitingNode {
  type: string;
  data: Record<string, unknown>;
}

export interface VoiceState {
  conversationId: string;
  status: 'active' | 'handoff' | 'ended';
  /** Qualified node id (`subflow-node/child-node` inside subflows). */
  at: string | null;
  queue: string | null;
  /** Every stored event is applied. */
  caughtUp: boolean;
  /** The journey's current timer, if it waits with one. */
  timer: { token: string; due: string } | null;
  /** The contact's language, else the flow's (a Liquid text is chosen the same way). */
  locale: string | undefined;
  /** The journey's current channel. */
  channel: string;
  node: WaitingNode | undefined;
}

const SnapshotContext = z.object({
  context: z.object({
    flowLocale: z.string().optional(),
    contact: z.object({ locale: z.string().optional() }).loose().optional(),
    timer: z.object({ token: z.string(), due: z.string() }).nullable().optional(),
  }),
});

export async function readVoiceState(db: Database, conversationId: string): Promise<VoiceState> {
  const [row] = await db
    .select({ conversation: conversations, lastSeq: max(events.seq) })
    .from(conversations)
    .leftJoin(events, eq(events.conversationId, conversations.id))
    .where(eq(conversations.id, conversationId))
    .groupBy(conversations.id);
  if (!row) throw new Error(`conversation ${conversationId} is gone`);
  const { conversation } = row;
  const context = SnapshotContext.safeParse(conversation.snapshot);
  const ctx = context.success ? context.data.context : undefined;
  return {
    conversationId,
    status: conversation.status,
    at: conversation.at,
    queue: conversation.queue,
    caughtUp: conversation.appliedSeq >= (row.lastSeq ?? 0),
    timer: ctx?.timer ?? null,
    locale: ctx?.contact?.locale ?? ctx?.flowLocale,
    channel: conversation.channel,
    node: conversation.at ? await nodeAt(db, conversation.flowId, conversation.flowVersion, conversation.at) : undefined,
  };
}

/** Versions never change, so their nodes are read once per process. */
const versionNodes = new Map<string, Promise<Map<string, WaitingNode>>>();

async function nodeAt(db: Database, flowId: string, version: number, at: string): Promise<WaitingNode | undefined> {
  const key = `${flowId}@${version}`;
  let nodes = versionNodes.get(key);
  if (!nodes) {
    nodes = loadNodes(db, flowId, version);
    versionNodes.set(key, nodes);
    nodes.catch(() => versionNodes.delete(key));
  }
  return (await nodes).get(at);
}

/** Every node of the version by qualified id, subflows (as of its publishing) included. */
async function loadNodes(db: Database, flowId: string, version: number): Promise<Map<string, WaitingNode>> {
  const { content, publishedAt } = await getVersion(db, flowId, version);
  const library = await publishedLibrary(db, content, publishedAt);
  const nodes = new Map<string, WaitingNode>();
  const visit = (doc: unknown, prefix: string, depth: number) => {
    if (depth > 10) return;
    for (const node of readStoredFlow(doc).nodes) {
      nodes.set(`${prefix}${node.id}`, { type: node.type, data: node.data });
      const child = node.type === 'subflow' && typeof node.data.flow === 'string' ? library.get(node.data.flow) : undefined;
      if (child) visit(child, `${prefix}${node.id}/`, depth + 1);
    }
  };
  visit(content, '', 0);
  return nodes;
}
