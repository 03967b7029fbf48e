// What a step's effects become in the database: the transcript, outbox items (messages to send,
// HTTP calls to make), timers and the conversation's state. Effects are first collected in
// memory (`recordEffects`, no I/O), then written by `writeRecorded` in one statement, with one
// multi-row part per table, for every step of every conversation in the transaction: a
// statement costs a round trip and its parsing and planning in PostgreSQL, whether it carries
// one row or fifty.
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Effect, FlowEvent, IdentityKind } from '@/flows';
import type { Database } from '../db/client';
import { conversationPath, messages, outbox, type ConversationRow, type EventRow } from '../db/schema';
import { HandoffWrites } from '../routing/handoffWrites';
import { leaseMsOf, type OutboxRow } from './dispatch';
import { insertMessages, insertOutbox, insertPath } from './rowInserts';
import { timerWrites, type TimerWrite, type WritePart } from './timerWrites';

/** The conversation's state as the effects of one run leave it. */
export interface Recorded {
  status: ConversationRow['status'];
  outcome: string | null;
  queue: string | null;
  channel: ConversationRow['channel'];
}


/** Rows the steps of one transaction will write, in step order. */
export class PendingWrites {
  readonly messages: (typeof messages.$inferInsert)[] = [];
  readonly outbox: (typeof outbox.$inferInsert)[] = [];
  readonly timers = new Map<string, TimerWrite>();
  /** Identities `identify` nodes linked, in step order (linked after the batch's writes). */
  readonly identities: { conversation: ConversationRow; kind: IdentityKind; address: string; at: Date }[] = [];
  /** Nodes entered, for the desktop's view of the journey's path. */
  readonly path: (typeof conversationPath.$inferInsert)[] = [];
  /** Timers set, in step order. */
  readonly armed: { conversationId: string; token: string; fireAt: Date }[] = [];
  /** Handoff records (routing): queued, transferred, accepted, first reply, closed. */
  readonly handoffs = new HandoffWrites();

  /** Timers to arm once the transaction commits: set, and not cancelled by a later step. */
  toArm(): { conversationId: string; token: string; fireAt: Date }[] {
    return this.armed.filter((timer) => this.timers.get(timerKey(timer.conversationId, timer.token))?.cancelled !== true);
  }
}

const timerKey = (conversationId: string, token: string) => `${conversationId}\n${token}`;

interface StepRecord {
  conversation: ConversationRow;
  /** Channels whose clients read the transcript: committing the message delivers it. */
  deliveredOnCommit: (channel: ConversationRow['channel']) => boolean;
  /** The stored event, and its payload as the engine read it. */
  event: EventRow;
  flowEvent: FlowEvent;
  effects: Effect[];
}

/** Collects one step's rows into `writes` and its state changes into `recorded`; no I/O. */
export function recordEffects(writes: PendingWrites, step: StepRecord, recorded: Recorded): void {
  recordInbound(writes, step, recorded);
  for (const [index, effect] of step.effects.entries()) {
    // Deterministic keys: a run that rolled back and ran again makes the same ones.
    const key = `${step.conversation.id}:${step.event.seq}:${index}`;
    recordEffect(writes, step, effect, key, recorded);
  }
}

function recordInbound(writes: PendingWrites, step: StepRecord, recorded: Recorded): void {
  const event = step.flowEvent;
  if (event.type !== 'CUSTOMER') return;
  recorded.channel = event.channel;
  // A payload alone (a widget opening the chat, a button without words) says nothing to show.
  if (event.text === undefined && event.digits === undefined) return;
  writes.messages.push({
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

function recordEffect(writes: PendingWrites, step: StepRecord, effect: Effect, key: string, recorded: Recorded): void {
  const conversationId = step.conversation.id;
  switch (effect.type) {
    case 'send': {
      // On transcript channels (REST API, web chat) the commit is the delivery: no outbox round.
      const delivered = step.deliveredOnCommit(effect.channel);
      // The id is made here so the outbox row can name its message without a `returning` round.
      const id = randomUUID();
      if (effect.author === 'agent') writes.handoffs.replied(conversationId, new Date(step.flowEvent.at));
      writes.messages.push({
        id,
        conversationId,
        contactId: step.conversation.contactId,
        direction: 'out',
        channel: effect.channel,
        text: effect.text,
        payload: outboundPayload(effect),
        author: effect.author,
        delivery: delivered ? 'sent' : 'pending',
      });
      if (delivered) return;
      writes.outbox.push({
        conversationId,
        messageId: id,
        kind: 'send',
        channel: effect.channel,
        payload: { text: effect.text, quickReplies: effect.quickReplies ?? [], mediaUrl: effect.mediaUrl ?? null },
        idempotencyKey: key,
      });
      return;
    }
    case 'http.request': {
      const { type: _type, ...request } = effect;
      writes.outbox.push({ conversationId, kind: 'http', payload: request, idempotencyKey: key });
      return;
    }
    case 'timer.set': {
      const fireAt = new Date(effect.due);
      writes.armed.push({ conversationId, token: effect.token, fireAt });
      writes.timers.set(timerKey(conversationId, effect.token), { conversationId, token: effect.token, fireAt, cancelled: false });
      return;
    }
    case 'timer.cancel': {
      const key = timerKey(conversationId, effect.token);
      const earlier = writes.timers.get(key);
      writes.timers.set(key, { conversationId, token: effect.token, fireAt: earlier?.fireAt, cancelled: true });
      return;
    }
    case 'handoff.queued':
    case 'handoff.transferred':
      writes.handoffs.note(handoffStep(step, recorded), effect);
      recorded.status = 'handoff';
      recorded.queue = effect.queue;
      return;
    case 'handoff.closed':
      writes.handoffs.note(handoffStep(step, recorded), effect);
      recorded.status = 'active';
      recorded.queue = null;
      return;
    case 'handoff.accepted':
      writes.handoffs.note(handoffStep(step, recorded), effect);
      return;
    case 'end':
      recorded.outcome = effect.outcome;
      return;
    case 'identity.link':
      writes.identities.push({ conversation: step.conversation, kind: effect.kind, address: effect.address, at: new Date(step.flowEvent.at) });
      return;
    case 'enter':
      writes.path.push({ conversationId, node: effect.node, flow: effect.flow, enteredAt: new Date(step.flowEvent.at) });
      return;
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

function handoffStep(step: StepRecord, recorded: Recorded) {
  return { conversationId: step.conversation.id, contactId: step.conversation.contactId, channel: recorded.channel, at: new Date(step.flowEvent.at) };
}

const OutboxIds = z.object({ rows: z.array(z.object({ id: z.coerce.number(), idempotency_key: z.string(), claimed: z.boolean() })) });

/** The outbox items a run wrote: all of them, and those claimed as they were written. */
export interface WrittenOutbox {
  ids: number[];
  claimed: OutboxRow[];
}

/**
 * Writes the collected rows and `also` (statements of the caller: the conversations' new
 * state) as ONE statement of data-modifying CTEs: a round trip and a plan for the whole batch,
 * whatever it holds. Returns the outbox items made, to hand to their adapters after the commit.
 * The parts touch different rows, so running them together is running them one by one; the
 * outbox rows name messages inserted by the same statement, which the foreign key accepts since
 * it is checked at the statement's end. Messages go in one multi-row insert whose rows
 * PostgreSQL numbers (`position`) in the order given, so the transcript keeps step order.
 */
export async function writeRecorded(tx: Database, writes: PendingWrites, also: SQL[], claimable: ReadonlySet<string> = new Set()): Promise<WrittenOutbox> {
  const parts: WritePart[] = also.map((statement) => ({ statement }));
  if (writes.messages.length > 0) parts.push({ statement: insertMessages(writes.messages) });
  if (writes.path.length > 0) parts.push({ statement: insertPath(writes.path) });
  parts.push(...timerWrites(tx, [...writes.timers.values()]));
  parts.push(...writes.handoffs.statements(tx).map((statement) => ({ statement })));
  const items = writes.outbox.map((item) => ({ item, leaseMs: claimedAsWritten(item, claimable) }));
  const main = items.length > 0 ? insertOutbox(items) : sql`select 0 as id, '' as idempotency_key, false as claimed where false`;
  const ctes = parts.map((part, index) => sql`${sql.raw(part.name ?? `w${index}`)} as (${part.statement})`);
  const statement = ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${main}` : main;
  const rows = OutboxIds.parse(await tx.execute(statement)).rows;
  const byKey = new Map(writes.outbox.map((item) => [item.idempotencyKey, item]));
  const claimed = rows.flatMap((row) => {
    const item = row.claimed ? byKey.get(row.idempotency_key) : undefined;
    return item ? [outboxRow(row.id, item)] : [];
  });
  return { ids: rows.map((row) => row.id), claimed: claimed.sort((a, b) => a.id - b.id) };
}

/**
 * Claimed as it is written (its next attempt moved past the lease, as dispatch's claim does),
 * when dispatch's claim would take it at once: an HTTP call always, a message when no earlier
 * message of its conversation is pending (`claimable`, read under the conversation's lock).
 * The worker then hands it over without a claiming statement of its own. Returns the lease in
 * milliseconds, or null when it is left to dispatch.
 */
function claimedAsWritten(item: OutboxInsert, claimable: ReadonlySet<string>): number | null {
  if (item.kind === 'send' && !claimable.has(item.conversationId)) return null;
  return leaseMsOf(item.payload);
}

type OutboxInsert = typeof outbox.$inferInsert;

function outboxRow(id: number, item: OutboxInsert): OutboxRow {
  return {
    id,
    conversationId: item.conversationId,
    messageId: item.messageId ?? null,
    kind: item.kind ?? 'send',
    channel: item.channel ?? null,
    payload: item.payload,
    idempotencyKey: item.idempotencyKey,
    status: 'pending',
    attempts: 0,
    lastError: null,
    nextAttemptAt: new Date(),
    sentAt: null,
  };
}

function outboundPayload(effect: Extract<Effect, { type: 'send' }>) {
  // Who answered, so the desktop can name the agent (an API client's label need not be a user id).
  return { quickReplies: effect.quickReplies ?? [], ...(effect.mediaUrl ? { mediaUrl: effect.mediaUrl } : {}), ...(effect.agent ? { agent: effect.agent } : {}) };
}
