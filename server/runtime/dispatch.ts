// Carries out committed outbox items at least once: messages go to their channel adapter, HTTP
// calls are made and their answers come back as HTTP_RESULT events. Failures are retried with
// backoff and recorded on the item.
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { FlowEvent } from '@/flows';
import type { Database } from '../db/client';
import { messages, outbox } from '../db/schema';
import { conversationLog } from '../log';
import { SEND_TIMEOUT_MS, UndeliverableError, type Channel, type ChannelAdapter } from './adapters';
import type { RewriteUrl } from './egress';
import { appendEvent } from './internalEvents';

export const MAX_ATTEMPTS = 5;
const BACKOFF_MS = 1_000;
/** Pauses before asking again for messages held back behind an earlier one (about 0.6 s in all). */
const WAIT_FOR_EARLIER_MS = [20, 40, 80, 160, 320];

const SendPayload = z.object({
  text: z.string(),
  quickReplies: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  mediaUrl: z.string().nullable().default(null),
});

const HttpPayload = z.object({
  requestId: z.string(),
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
  timeoutMs: z.number().int().positive(),
});

export interface DispatchOptions {
  adapters: Partial<Record<Channel, ChannelAdapter>>;
  /** Called when an item added an event to its conversation. */
  onEvent: (conversationId: string) => Promise<void>;
  /** Called when a message's delivery status changed (stream readers show it). */
  onDelivery?: (conversationId: string) => void;
  rewriteUrl?: RewriteUrl;
  clock?: () => Date;
}

const LEASE_MARGIN_MS = 10_000;

/** The lease of an item claimed as it is written (record.ts): the same as LEASE computes. */
export function leaseMsOf(payload: unknown): number {
  const timeoutMs = typeof payload === 'object' && payload !== null && 'timeoutMs' in payload ? Number(payload.timeoutMs) : NaN;
  return (Number.isInteger(timeoutMs) ? timeoutMs : SEND_TIMEOUT_MS) + LEASE_MARGIN_MS;
}

/**
 * How long a claimed item is left to its claimant before a sweep may try it again: the attempt's
 * own time limit (the http node's timeout, or the adapters' send timeout) plus a margin.
 */
const LEASE = sql`now() + (coalesce((${outbox.payload} ->> 'timeoutMs')::int, ${SEND_TIMEOUT_MS}) + ${LEASE_MARGIN_MS}) * interval '1 millisecond'`;

/**
 * Dispatches the given items, or (without ids) every pending item that is due. Items are claimed
 * first, by moving their next attempt past the lease: a sweep running beside the worker that
 * just committed them (or a second worker) skips them instead of calling an API twice. A
 * claimant that dies leaves its items to the sweep once the lease is over.
 *
 * Messages reach the customer in the order they were committed: a message is claimed only when
 * no earlier message of its conversation is still pending outside this claim (being sent by
 * another process, or waiting for a retry). The worker that committed a held-back message asks
 * again a few times in the next moments (the common race: another worker committed just before
 * it and is sending); this costs nothing when nothing is held back.
 */
export async function dispatchOutbox(db: Database, options: DispatchOptions, ids?: number[], claimed: OutboxRow[] = []): Promise<void> {
  // Items the apply transaction claimed as it wrote them (record.ts): no claiming round trip.
  await dispatchClaimed(db, options, claimed);
  const due = and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`));
  if (!ids) return dispatchClaimed(db, options, await claim(db, due));
  if (ids.length === 0) return;
  let waiting = ids;
  for (const pause of [0, ...WAIT_FOR_EARLIER_MS]) {
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    const items = await claim(db, and(inArray(outbox.id, waiting), due), waiting);
    await dispatchClaimed(db, options, items);
    const claimed = new Set(items.map((item) => item.id));
    waiting = waiting.filter((id) => !claimed.has(id));
    if (waiting.length === 0) return;
  }
  // Still held back by an earlier message (its retry, or a claimant that died): the sweep sends
  // them once that one has gone. Items another dispatcher claimed meanwhile also end up here.
}

async function claim(db: Database, where: SQL | undefined, ids?: number[]): Promise<OutboxRow[]> {
  const items = await db
    .update(outbox)
    .set({ nextAttemptAt: LEASE })
    .where(and(where, inOrder(ids)))
    .returning();
  return items.sort((a, b) => a.id - b.id);
}

/**
 * No earlier message of the item's conversation is pending unless it is claimed by this same
 * statement (due, and among `ids` when ids are given). Written out in SQL because the
 * subquery's table needs an alias of its own.
 */
function inOrder(ids?: number[]): SQL {
  const claimedHere =
    ids === undefined
      ? sql`earlier.next_attempt_at <= now()`
      : sql`earlier.next_attempt_at <= now() and earlier.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
  return sql`(${outbox.kind} <> 'send' or not exists (
    select 1 from ${outbox} as earlier
    where earlier.conversation_id = ${outbox.conversationId} and earlier.kind = 'send' and earlier.status = 'pending'
      and earlier.id < ${outbox.id} and not (${claimedHere})))`;
}

async function dispatchClaimed(db: Database, options: DispatchOptions, items: OutboxRow[]): Promise<void> {
  if (items.length === 0) return;
  const sent: OutboxRow[] = [];
  const held = new Set<string>();
  const released: number[] = [];
  for (const item of items) {
    // After a failed message, the conversation's later messages wait for its retry.
    if (item.kind === 'send' && held.has(item.conversationId)) released.push(item.id);
    else if (await dispatchItem(db, options, item)) sent.push(item);
    else if (item.kind === 'send') held.add(item.conversationId);
  }
  if (released.length > 0) await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(inArray(outbox.id, released));
  // Recorded together: one statement for all the items this call handed over. A crash before
  // it leaves them pending, and the sweep hands them over again under the same keys.
  await markSent(db, sent);
  for (const item of sent) if (item.messageId) options.onDelivery?.(item.conversationId);
}

export type OutboxRow = typeof outbox.$inferSelect;

/** Carries the item out; true when it is done, false when a failure was recorded for a retry. */
async function dispatchItem(db: Database, options: DispatchOptions, item: OutboxRow): Promise<boolean> {
  try {
    if (item.kind === 'http') await callHttp(db, options, item);
    else await sendMessage(options, item);
    return true;
  } catch (error) {
    const attempts = item.attempts + 1;
    const reason = error instanceof Error ? error.message : String(error);
    const failed = attempts >= MAX_ATTEMPTS || error instanceof UndeliverableError;
    conversationLog(item.conversationId).warn({ outboxId: item.id, kind: item.kind, attempts, failed, reason }, 'outbox item not delivered');
    await db.transaction(async (tx) => {
      await tx
        .update(outbox)
        .set({ attempts, lastError: reason, status: failed ? 'failed' : 'pending', nextAttemptAt: new Date(Date.now() + BACKOFF_MS * 2 ** (attempts - 1)) })
        .where(eq(outbox.id, item.id));
      // The message shows why it has not arrived yet; `failed` once the retries are spent.
      if (item.messageId) await tx.update(messages).set({ delivery: failed ? 'failed' : 'pending', deliveryError: reason }).where(eq(messages.id, item.messageId));
    });
    if (item.messageId) options.onDelivery?.(item.conversationId);
    return false;
  }
}

/**
 * The items and their messages in one statement (a data-modifying CTE): a transaction of two
 * updates costs four round trips instead of one. Claiming left `attempts` as it was.
 * No wait for the WAL flush (`cfg`, referenced so that it runs): a crash that loses this commit
 * leaves the items pending under their lease, and the sweep hands them over again under the
 * same keys, which at-least-once allows.
 */
async function markSent(db: Database, items: OutboxRow[]): Promise<void> {
  if (items.length === 0) return;
  await db.execute(sql`
    with cfg as (select set_config('synchronous_commit', 'off', true)),
    sent as (
      update ${outbox} set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null
      where ${inArray(outbox.id, items.map((item) => item.id))} and exists (select 1 from cfg)
      returning message_id
    )
    update ${messages} set delivery = 'sent', delivery_error = null where id in (select message_id from sent)`);
}

async function sendMessage(options: DispatchOptions, item: OutboxRow): Promise<void> {
  const channel = item.channel;
  if (!channel) throw new Error('a message without a channel');
  const adapter = options.adapters[channel];
  if (!adapter) throw new Error(`the ${channel} channel is not configured in this Switchboard`);
  const payload = SendPayload.parse(item.payload);
  await adapter.send({ conversationId: item.conversationId, channel, ...payload, idempotencyKey: item.idempotencyKey });
}

/** Makes the call; any outcome (an answer, a timeout, a refused connection) is an HTTP_RESULT. */
async function callHttp(db: Database, options: DispatchOptions, item: OutboxRow): Promise<void> {
  const request = HttpPayload.parse(item.payload);
  const url = options.rewriteUrl ? options.rewriteUrl(request.url) : request.url;
  const result = await perform({ ...request, url }, options.clock ?? (() => new Date()));
  const added = await appendEvent(db, item.conversationId, result, `http:${item.idempotencyKey}`);
  if (added) await options.onEvent(item.conversationId);
}

async function perform(request: z.infer<typeof HttpPayload>, clock: () => Date): Promise<FlowEvent> {
  const at = () => clock().toISOString();
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return { type: 'HTTP_RESULT', at: at(), requestId: request.requestId, status: response.status, body: parseJson(text) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut ? 'timeout' : error instanceof Error ? error.message : String(error);
    return { type: 'HTTP_RESULT', at: at(), requestId: request.requestId, status: 0, error: reason };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
