// What a step's effects become in the database, inside the step's transaction: the transcript,
// outbox items (messages to send, HTTP calls to make), timers and the conversation's state.
import { and, eq } from 'drizzle-orm';
import type { Effect, FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { messages, outbox, timers, type ConversationRow, type EventRow } from '../db/schema';

/** The conversation's state as the effects of one run leave it. */
export interface Recorded {
  outbox: number[];
  /** Timers set by this run, to arm once it commits. */
  timers: { token: string; fireAt: Date }[];
  status: ConversationRow['status'];
  outcome: string | null;
  queue: string | null;
  channel: ConversationRow['channel'];
}

interface StepRecord {
  conversation: ConversationRow;
  /** Channels whose clients read the transcript: committing the message delivers it. */
  deliveredOnCommit: (channel: ConversationRow['channel']) => boolean;
  /** The stored event, and its payload as the engine read it. */
  event: EventRow;
  flowEvent: FlowEvent;
  effects: Effect[];
}

export async function recordEffects(tx: Database, step: StepRecord, recorded: Recorded): Promise<void> {
  await recordInbound(tx, step, recorded);
  for (const [index, effect] of step.effects.entries()) {
    // Deterministic keys: a run that rolled back and ran again makes the same ones.
    const key = `${step.conversation.id}:${step.event.seq}:${index}`;
    await recordEffect(tx, step, effect, key, recorded);
  }
}

async function recordInbound(tx: Database, step: StepRecord, recorded: Recorded): Promise<void> {
  const event = step.flowEvent;
  if (event.type !== 'CUSTOMER') return;
  recorded.channel = event.channel;
  // A payload alone (a widget opening the chat, a button without words) says nothing to show.
  if (event.text === undefined && event.digits === undefined) return;
  await tx.insert(messages).values({
    conversationId: step.conversation.id,
    contactId: step.conversation.contactId,
    direction: 'in',
    channel: event.channel,
    text: event.text ?? (event.digits !== undefined ? `#${event.digits}` : null),
    payload: event.payload === undefined ? null : { payload: event.payload },
    author: 'customer',
    createdAt: new Date(event.at),
  });
}

async function recordEffect(tx: Database, step: StepRecord, effect: Effect, key: string, recorded: Recorded): Promise<void> {
  switch (effect.type) {
    case 'send': {
      // On transcript channels (REST API, web chat) the commit is the delivery: no outbox round.
      const delivered = step.deliveredOnCommit(effect.channel);
      const [message] = await tx
        .insert(messages)
        .values({
          conversationId: step.conversation.id,
          contactId: step.conversation.contactId,
          direction: 'out',
          channel: effect.channel,
          text: effect.text,
          payload: outboundPayload(effect),
          author: effect.author,
          delivery: delivered ? 'sent' : 'pending',
        })
        .returning({ id: messages.id });
      if (delivered) return;
      const [item] = await tx
        .insert(outbox)
        .values({
          conversationId: step.conversation.id,
          messageId: message?.id,
          kind: 'send',
          channel: effect.channel,
          payload: { text: effect.text, quickReplies: effect.quickReplies ?? [], mediaUrl: effect.mediaUrl ?? null },
          idempotencyKey: key,
        })
        .returning({ id: outbox.id });
      if (item) recorded.outbox.push(item.id);
      return;
    }
    case 'http.request': {
      const { type: _type, ...request } = effect;
      const [item] = await tx
        .insert(outbox)
        .values({ conversationId: step.conversation.id, kind: 'http', payload: request, idempotencyKey: key })
        .returning({ id: outbox.id });
      if (item) recorded.outbox.push(item.id);
      return;
    }
    case 'timer.set':
      recorded.timers.push({ token: effect.token, fireAt: new Date(effect.due) });
      await tx
        .insert(timers)
        .values({ conversationId: step.conversation.id, token: effect.token, fireAt: new Date(effect.due) })
        .onConflictDoUpdate({ target: [timers.conversationId, timers.token], set: { fireAt: new Date(effect.due), cancelledAt: null } });
      return;
    case 'timer.cancel':
      await tx
        .update(timers)
        .set({ cancelledAt: new Date() })
        .where(and(eq(timers.conversationId, step.conversation.id), eq(timers.token, effect.token)));
      return;
    case 'handoff.queued':
    case 'handoff.transferred':
      recorded.status = 'handoff';
      recorded.queue = effect.queue;
      return;
    case 'handoff.closed':
      recorded.status = 'active';
      recorded.queue = null;
      return;
    case 'end':
      recorded.outcome = effect.outcome;
      return;
    case 'handoff.accepted':
    case 'enter':
    case 'leave':
    case 'metric':
    case 'error':
      return;
    default: {
      const exhaustive: never = effect;
      throw new Error(`unknown effect ${JSON.stringify(exhaustive)}`);
    }
  }
}

function outboundPayload(effect: Extract<Effect, { type: 'send' }>) {
  return { quickReplies: effect.quickReplies ?? [], ...(effect.mediaUrl ? { mediaUrl: effect.mediaUrl } : {}) };
}
