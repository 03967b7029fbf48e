// Who may read and work which conversation on the desktop. Admins: all. Designers: only when
// granted transcript access. Agents: conversations assigned to them or waiting in queues they
// serve, and the earlier conversations of a customer they are serving.
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, type ConversationRow, type Role } from '../db/schema';
import { forbidden, UserError } from '../errors';
import { handoffOf } from '../runtime/conversationView';
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
  if (isAssignedTo(conversation, user.id)) return;
  const visible = await visibleQueues(db, user);
  if (visible.all) return;
  const inMyQueues = (row: ConversationRow) => row.queue !== null && visible.queues.includes(row.queue);
  if (inMyQueues(conversation)) return;
  // An earlier conversation of a customer the agent is serving now.
  const [open] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactId, conversation.contactId), ne(conversations.status, 'ended'), ne(conversations.id, conversation.id)));
  if (open && (isAssignedTo(open, user.id) || inMyQueues(open))) return;
  throw forbidden('This conversation is not in your queues or assigned to you.');
}

/** Throws unless the conversation is in a handoff assigned to the user: replying needs it. */
export function assertAssigned(conversation: ConversationRow, userId: string): void {
  if (conversation.status !== 'handoff') throw new UserError('precondition', 'This conversation is no longer with an agent.');
  if (!isAssignedTo(conversation, userId)) throw new UserError('precondition', 'Claim this conversation before replying.');
}

export function isAssignedTo(conversation: ConversationRow, userId: string): boolean {
  if (conversation.status !== 'handoff') return false;
  if (conversation.assignedTo === userId) return true;
  const handoff = handoffOf(conversation.snapshot);
  return handoff?.status === 'accepted' && handoff.agent === userId;
}
