// One conversation as the agent desktop shows it: who the customer is (every identity), why the
// bot handed off, what it collected, the timeline across channels, and the contact's earlier
// conversations (their transcripts are loaded on demand).
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { contactIdentities, contacts, conversations, flows, handoffRecords, messages, users, type HandoffRecordRow } from '../db/schema';
import { loadConversation } from '../runtime/conversationView';
import { notFound } from '../errors';
import { flowFacts } from './flowFacts';
import { insights, snapshotParts, type Insights, type StoredHandoff } from './snapshotParts';
import { conversationTimeline, type TimelineEntry } from './timeline';

export interface DeskHandoff {
  queue: string;
  skills: string[];
  priority: number;
  /** Waiting for an agent, with one, or over (resolved, abandoned, timed out). */
  status: 'queued' | 'accepted' | 'ended';
  agent: { id: string; name: string } | null;
  summary: string | null;
  disposition: string | null;
  queuedAt: string | null;
  firstResponseSeconds: number | null;
  handleSeconds: number | null;
  transfers: number;
}

export interface DeskContact {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  identities: { channel: string; address: string }[];
  since: string;
}

export interface PastConversation {
  id: string;
  flow: { id: string; name: string };
  channel: string;
  status: string;
  outcome: string | null;
  startedAt: string;
  endedAt: string | null;
  messageCount: number;
  /** How the agent resolved its last handoff, if it had one. */
  disposition: string | null;
}

export interface DeskConversation extends Insights {
  id: string;
  status: string;
  channel: string;
  queue: string | null;
  at: string | null;
  outcome: string | null;
  startedAt: string;
  endedAt: string | null;
  flow: { id: string; version: number; name: string };
  contact: DeskContact;
  handoff: DeskHandoff | null;
  vars: Record<string, unknown>;
  timeline: TimelineEntry[];
  past: PastConversation[];
}

export async function deskConversation(db: Database, id: string): Promise<DeskConversation> {
  const conversation = await loadConversation(db, id);
  const facts = await flowFacts(db, conversation.flowId, conversation.flowVersion);
  const snapshot = snapshotParts(conversation.snapshot);
  const [contact, timeline, past, handoff] = await Promise.all([
    deskContact(db, conversation.contactId),
    conversationTimeline(db, id, facts.nodeTypes),
    pastConversations(db, conversation.contactId, id),
    deskHandoff(db, snapshot.handoff, id),
  ]);
  return {
    id,
    status: conversation.status,
    channel: conversation.channel,
    queue: conversation.queue,
    at: conversation.at,
    outcome: conversation.outcome,
    startedAt: conversation.startedAt.toISOString(),
    endedAt: conversation.endedAt?.toISOString() ?? null,
    flow: { id: conversation.flowId, version: conversation.flowVersion, name: facts.name },
    contact,
    handoff,
    vars: snapshot.vars,
    ...insights(snapshot, facts),
    timeline,
    past,
  };
}

/** An earlier conversation's transcript, for the history panel. */
export async function pastTranscript(db: Database, id: string): Promise<{ id: string; timeline: TimelineEntry[] }> {
  const conversation = await loadConversation(db, id);
  const facts = await flowFacts(db, conversation.flowId, conversation.flowVersion);
  return { id, timeline: await conversationTimeline(db, id, facts.nodeTypes) };
}

async function deskContact(db: Database, contactId: string): Promise<DeskContact> {
  const [[contact], identities] = await Promise.all([
    db.select().from(contacts).where(eq(contacts.id, contactId)),
    db
      .select({ channel: contactIdentities.channel, address: contactIdentities.address })
      .from(contactIdentities)
      .where(eq(contactIdentities.contactId, contactId))
      .orderBy(asc(contactIdentities.createdAt)),
  ]);
  if (!contact) throw notFound(`There is no contact ${contactId}.`);
  const attributes = z.record(z.string(), z.unknown()).catch({}).parse(contact.attributes);
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    locale: contact.locale,
    attributes,
    identities,
    since: contact.createdAt.toISOString(),
  };
}

async function pastConversations(db: Database, contactId: string, currentId: string): Promise<PastConversation[]> {
  const rows = await db
    .select({ conversation: conversations, flowName: flows.name, messageCount: count(messages.id) })
    .from(conversations)
    .innerJoin(flows, eq(flows.id, conversations.flowId))
    .leftJoin(messages, eq(messages.conversationId, conversations.id))
    .where(and(eq(conversations.contactId, contactId), ne(conversations.id, currentId)))
    .groupBy(conversations.id, flows.name)
    .orderBy(desc(conversations.startedAt))
    .limit(50);
  const ids = rows.map((row) => row.conversation.id);
  const records = ids.length === 0 ? [] : await db.select({ conversationId: handoffRecords.conversationId, disposition: handoffRecords.disposition }).from(handoffRecords).where(inArray(handoffRecords.conversationId, ids)).orderBy(asc(handoffRecords.id));
  // The last record of each conversation wins.
  const dispositions = new Map(records.map((record) => [record.conversationId, record.disposition]));
  return rows.map(({ conversation, flowName, messageCount }) => ({
    id: conversation.id,
    flow: { id: conversation.flowId, name: flowName },
    channel: conversation.channel,
    status: conversation.status,
    outcome: conversation.outcome,
    startedAt: conversation.startedAt.toISOString(),
    endedAt: conversation.endedAt?.toISOString() ?? null,
    messageCount,
    disposition: dispositions.get(conversation.id) ?? null,
  }));
}

/**
 * The conversation's current or last handoff. Routing's record is the truth (assignment,
 * disposition, times); a conversation from before routing kept records has only its snapshot.
 */
async function deskHandoff(db: Database, stored: StoredHandoff | null, conversationId: string): Promise<DeskHandoff | null> {
  const [record] = await db.select().from(handoffRecords).where(eq(handoffRecords.conversationId, conversationId)).orderBy(desc(handoffRecords.id)).limit(1);
  if (!record && !stored) return null;
  const agentId = record ? record.agentId : (stored?.agent ?? null);
  const [agent] = agentId ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, agentId)) : [];
  return {
    queue: record?.queue ?? stored?.queue ?? '',
    skills: record?.skills ?? stored?.skills ?? [],
    priority: record?.priority ?? stored?.priority ?? 0,
    status: record ? recordStatus(record.status) : (stored?.status ?? 'queued'),
    agent: agent ?? (agentId ? { id: agentId, name: agentId } : null),
    summary: record?.summary ?? stored?.summary ?? null,
    disposition: record?.disposition ?? null,
    queuedAt: record?.queuedAt.toISOString() ?? null,
    firstResponseSeconds: record?.firstResponseSeconds ?? null,
    handleSeconds: record?.handleSeconds ?? null,
    transfers: record?.transfers ?? 0,
  };
}

function recordStatus(status: HandoffRecordRow['status']): DeskHandoff['status'] {
  if (status === 'waiting') return 'queued';
  if (status === 'assigned') return 'accepted';
  return 'ended';
}
