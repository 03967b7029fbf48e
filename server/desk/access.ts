// Who may read and work which conversation on the desktop. Admins: all. Designers: only when
// granted transcript access. Agents: conversations they handle or handled, those in queues they
// serve, and the earlier conversations of a customer they are serving.
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, handoffRecords, type ConversationRow, type Role } from '../db/schema';
import { forbidden, UserError } from '../errors';
import { canReadTranscripts, visibleQueues } from '../routing';

export interface DeskUser {
  id: string;
  role: Role;
}

/** Throws `forbidden` unless the user may read the conversation and its transcript. */
export async function assertCanRead(db: Database, user: DeskUser, conversation: ConversationRow): Promise<void> {
  if (user.role === 'admin') return;
  if (!(await canReadTranscripts(db, user))) throw forbidden('You cannot read conversations. Ask an admin for transcript access.');
  if (user.role === 'designer') return;
  if (await handledBy(db, conversation.id, user.id)) return;
  const visible = await visibleQueues(db, user);
  if (visible.all) return;
  const inMyQueues = (row: ConversationRow) => row.queue !== null && visible.queues.includes(row.queue);
  if (inMyQueues(conversation)) return;
  // An earlier conversation of a customer the agent is serving now.
  const [open] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, conversation.contactId), ne(conversations.status, 'ended'), ne(conversations.id, conversation.id)));
  if (open && (inMyQueues(open) || (await handledBy(db, open.id, user.id)))) return;
  throw forbidden('This conversation is not in your queues or assigned to you.');
}

/** Throws unless the conversation's open handoff is assigned to the user: replying needs it. */
export async function assertAssigned(db: Database, conversationId: string, userId: string): Promise<void> {
  const [record] = await db
    .select({ agentId: handoffRecords.agentId, status: handoffRecords.status })
    .from(handoffRecords)
    .where(and(eq(handoffRecords.conversationId, conversationId), eq(handoffRecords.status, 'assigned')));
  if (!record) throw new UserError('precondition', 'This conversation is not assigned to an agent: claim it before replying.');
  if (record.agentId !== userId) throw new UserError('precondition', 'This conversation is assigned to another agent.');
}

/** The user was (or is) the agent of one of the conversation's handoffs. */
async function handledBy(db: Database, conversationId: string, userId: string): Promise<boolean> {
  const [record] = await db
    .select({ id: handoffRecords.id })
    .from(handoffRecords)
    .where(and(eq(handoffRecords.conversationId, conversationId), eq(handoffRecords.agentId, userId)))
    .limit(1);
  return record !== undefined;
}
