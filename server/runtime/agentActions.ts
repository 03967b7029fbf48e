// What an agent does to a handed-off conversation (accept, reply, transfer, resolve), arriving
// through the REST API or `switchboard agent`. Each becomes an AGENT_* event in the
// conversation's sequence, so it is ordered with the customer's messages like any event.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';
import { notFound, UserError } from '../errors';
import { insertEvent } from './internalEvents';

const Agent = z.string().trim().min(1).max(200);
/** A client's id for the action: sending it again does nothing the second time. */
const RequestId = z.string().trim().min(1).max(200);

export const AgentAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), agent: Agent.optional(), requestId: RequestId.optional() }).strict(),
  z.object({ action: z.literal('reply'), text: z.string().trim().min(1).max(10_000), agent: Agent.optional(), requestId: RequestId.optional() }).strict(),
  z
    .object({
      action: z.literal('transfer'),
      queue: z.string().trim().min(1).max(100),
      skills: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
      requestId: RequestId.optional(),
    })
    .strict(),
  z.object({ action: z.literal('resolve'), agent: Agent.optional(), requestId: RequestId.optional() }).strict(),
]);
export type AgentAction = z.infer<typeof AgentAction>;

export interface AgentActionResult {
  conversationId: string;
  eventId: number;
}

/** Stores the action's event; a request id used before answers the first result and stores nothing. */
export async function recordAgentAction(db: Database, conversationId: string, action: AgentAction, now: Date): Promise<AgentActionResult> {
  const dedupeKey = action.requestId ? `agent:${conversationId}:${action.requestId}` : null;
  return db.transaction(async (tx) => {
    const [conversation] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
    if (!conversation) throw notFound(`There is no conversation ${conversationId}.`);
    if (dedupeKey) {
      const [seen] = await tx.select({ id: events.id }).from(events).where(eq(events.dedupeKey, dedupeKey));
      if (seen) return { conversationId, eventId: seen.id };
    }
    if (conversation.status !== 'handoff') {
      throw new UserError('precondition', `Conversation ${conversationId} is not waiting for an agent (it is ${conversation.status}).`);
    }
    const eventId = await insertEvent(tx, conversationId, flowEvent(action, now), dedupeKey, now);
    if (eventId === undefined) throw new Error('the agent action was neither stored nor found');
    return { conversationId, eventId };
  });
}

function flowEvent(action: AgentAction, now: Date): FlowEvent {
  const at = now.toISOString();
  switch (action.action) {
    case 'accept':
      return { type: 'AGENT_ACCEPT', at, ...(action.agent ? { agent: action.agent } : {}) };
    case 'reply':
      return { type: 'AGENT_REPLY', at, text: action.text, ...(action.agent ? { agent: action.agent } : {}) };
    case 'transfer':
      return { type: 'AGENT_TRANSFER', at, queue: action.queue, ...(action.skills ? { skills: action.skills } : {}) };
    case 'resolve':
      return { type: 'AGENT_RESOLVE', at, ...(action.agent ? { agent: action.agent } : {}) };
  }
}
