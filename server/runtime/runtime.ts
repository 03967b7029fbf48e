// The runtime: ingest writes events, the queue asks for them to be applied, the processor
// applies them, the outbox and timers carry out what the steps asked for. One per process.
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { simulatedServices, type EffectServices } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';
import { conversationLog, errorFields, log } from '../log';
import type { InboundEvent } from './inbound';
import { defaultAdapters, transcriptAdapter, type Channel, type ChannelAdapter } from './adapters';
import { recordAgentAction, type AgentAction, type AgentActionResult } from './agentActions';
import { dispatchOutbox, type OutboxRow } from './dispatch';
import type { RewriteUrl } from './egress';
import type { Ingested } from './ingest';
import { ingestEvents, type IngestRequest } from './ingestBatch';
import { MachineCache } from './machines';
import { LocalNotifier, type ConversationNotifier } from './notifier';
import { processConversations, type Processed } from './processor';
import { Batcher, type BatcherOptions } from './batcher';
import type { JobQueue } from './queue';
import { wallClockMs, type StageObserver } from './stages';
import { fireTimer, pendingTimers, type DueTimer } from './timers';

export interface RuntimeOptions {
  db: Database;
  queue: JobQueue;
  /** Services flows use while stepping (links to continue on another channel). */
  services?: EffectServices;
  adapters?: Partial<Record<Channel, ChannelAdapter>>;
  /** Tells stream readers about changes; Redis pub/sub when workers run elsewhere. */
  notifier?: ConversationNotifier;
  /** Where `http` nodes' calls really go (SWITCHBOARD_HTTP_REWRITE). */
  rewriteUrl?: RewriteUrl;
  /** The time events are stamped with; tests replay journeys written for another day. */
  clock?: () => Date;
  /** How often pending outbox items (failed earlier, or left by a crash) are retried. */
  sweepMs?: number;
  /** How jobs running at once share transactions (see batcher.ts). */
  batch?: BatcherOptions;
  /** How ingested events share transactions; `batch` when unset. */
  ingestBatch?: BatcherOptions;
  /** Told when events pass each stage (benchmarks; see stages.ts). */
  observe?: StageObserver;
}

/** A committed run's hand-over, wrapped: a promise resolved with a promise would adopt it. */
interface Applied {
  handedOver: Promise<void>;
}

/** How long an event may wait unapplied before the sweeper assumes its job was lost. */
const STALE_MS = 10_000;
const DEFAULT_SWEEP_MS = 5_000;
/** Wake-ups this much ahead of a timer's time still fire it: clocks of hosts differ a little. */
const EARLY_TOLERANCE_MS = 1_000;

export class Runtime {
  private readonly machines: MachineCache;
  private readonly adapters: Partial<Record<Channel, ChannelAdapter>>;
  readonly notifier: ConversationNotifier;
  private readonly clock: () => Date;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private sweeping: Promise<void> | undefined;
  /** Jobs running at once share apply transactions; events arriving together share ingest ones. */
  private readonly applies: Batcher<string, Applied>;
  private readonly ingests: Batcher<IngestRequest, Ingested>;
  /** Told after a commit that changed handoffs (routing assigns then). */
  private readonly handoffListeners = new Set<() => void>();
  /** Per conversation, the hand-over of the last run that changed it (until it is done). */
  private readonly handingOver = new Map<string, Promise<void>>();
  /** Timers due further ahead wait in the database only: two sweep intervals and a margin. */
  private readonly armAheadMs: number;

  constructor(private readonly options: RuntimeOptions) {
    this.machines = new MachineCache(options.services ?? simulatedServices);
    this.adapters = options.adapters ?? defaultAdapters(process.env, options.db);
    this.notifier = options.notifier ?? new LocalNotifier();
    this.clock = options.clock ?? (() => new Date());
    this.armAheadMs = 2 * (options.sweepMs ?? DEFAULT_SWEEP_MS) + EARLY_TOLERANCE_MS;
    // One run in flight each (measured: 4 apply and 6 ingest runs before). Items that arrive
    // while a run works wait for it and go in the next one together: below saturation runs
    // otherwise hold one or two items each, an event then costs two to three times the CPU it
    // costs in a large batch (fixed statements per transaction, per-statement SQL building and
    // round trips), and at half the saturation rate the 2-core machine was busy all the time, so
    // events queued for CPU (~60 ms ingest → apply, p99 ~350 ms). With one run in flight that
    // queueing fell by a third to a half in A/B runs (README, Performance). A batch grows with the load.
    this.applies = new Batcher((ids) => this.processBatch(ids), { maxInFlight: 1, ...options.batch });
    this.ingests = new Batcher((requests) => ingestEvents(options.db, requests), { maxSize: 64, maxInFlight: 1, ...(options.ingestBatch ?? options.batch) });
  }

  /** Stores the event (the caller may answer 2xx once this resolves) and asks for it to be applied. */
  async ingest(event: InboundEvent): Promise<Ingested> {
    const ingested = await this.ingests.submit({ event, now: this.clock() });
    this.options.observe?.('stored', [ingested.conversationId], wallClockMs());
    // Duplicates too: a sender retries when our answer was lost, which may be because queueing
    // failed after the event was stored. An extra job costs one empty run.
    await this.options.queue.enqueue(ingested.conversationId);
    this.options.observe?.('queued', [ingested.conversationId], wallClockMs());
    return ingested;
  }

  /** An agent's accept, reply, transfer or resolve, applied in order with the customer's events. */
  async agent(conversationId: string, action: AgentAction): Promise<AgentActionResult> {
    const recorded = await recordAgentAction(this.options.db, conversationId, action, this.clock());
    await this.options.queue.enqueue(conversationId);
    return recorded;
  }

  /** The time events are stamped with (the clock option in tests). */
  now(): Date {
    return this.clock();
  }

  /** Asks for the conversation's stored events to be applied (routing writes events itself). */
  wake(conversationId: string): Promise<void> {
    return this.options.queue.enqueue(conversationId);
  }

  /** Calls `listener` after every commit that changed a handoff, until the returned function is called. */
  onHandoffs(listener: () => void): () => void {
    this.handoffListeners.add(listener);
    return () => this.handoffListeners.delete(listener);
  }

  /** Processes jobs and fires timers in this process; picks up what a stopped worker left. */
  async startWorker(): Promise<void> {
    const { queue } = this.options;
    queue.start((conversationId) => this.process(conversationId));
    queue.timers.start((timer) => this.fire(timer));
    // Timers due already are fired by the first sweep; the others wait for their time.
    await this.armNearTimers();
    await this.sweep(0);
    this.sweeper = setInterval(() => this.sweepInBackground(), this.options.sweepMs ?? DEFAULT_SWEEP_MS);
    this.sweeper.unref();
  }

  /**
   * Safety net for work whose job was lost (a crashed worker, Redis restarted empty, queueing
   * failed after the event was stored): events left unapplied longer than `staleMs` are queued
   * again, timers overdue by as much are fired, and due outbox items retried.
   */
  private async sweep(staleMs: number): Promise<void> {
    for (const id of await this.unapplied(staleMs)) await this.options.queue.enqueue(id);
    await this.armNearTimers();
    await this.fireDueTimers(staleMs);
    await this.dispatch();
  }

  /**
   * Fires timers due more than `lateMs` ago whose wake-up never came (their delayed job was lost
   * with Redis' data). Claiming the row makes a timer fire once, whoever gets there first.
   */
  async fireDueTimers(lateMs = 0): Promise<number> {
    const due = await pendingTimers(this.options.db, new Date(this.clock().getTime() - lateMs));
    for (const timer of due) await this.fire(timer);
    return due.length;
  }

  /** One sweep at a time: a slow one (a loaded database) is not joined by the next. */
  private sweepInBackground(): void {
    if (this.sweeping) return;
    this.sweeping = this.sweep(STALE_MS)
      .catch((error: unknown) => log.error(errorFields(error), 'sweep failed'))
      .finally(() => {
        this.sweeping = undefined;
      });
  }

  /**
   * Stops the sweeper and resolves once a sweep under way is done, so the database can be
   * closed next; the queue (and its timers) is closed by its owner.
   */
  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.sweeping;
  }

  /** `GET /api/health`: the database answers a query and the queue can take jobs. */
  async health(): Promise<{ db: { up: boolean }; queue: { kind: string; up: boolean } }> {
    const db = await this.options.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    );
    return { db: { up: db }, queue: await this.options.queue.health() };
  }

  /** Resolves once every queued event has been applied (tests, shutdown). */
  idle(): Promise<void> {
    return this.options.queue.idle();
  }

  /**
   * Applies the conversation's pending events. Concurrent calls share a transaction (group
   * commit, see batcher.ts); this resolves once a run that included the conversation committed
   * and what it committed was handed over (outbox dispatched, timers armed).
   */
  async process(conversationId: string): Promise<void> {
    const { handedOver } = await this.applies.submit(conversationId);
    await handedOver;
  }

  /**
   * The batcher's run is the transaction only: the hand-over after it runs outside the run's
   * slot, so the next batch does not wait for adapters and the outbox's round trips.
   */
  private async processBatch(ids: string[]): Promise<Applied[]> {
    this.options.observe?.('began', ids, wallClockMs());
    const processed = await processConversations(this.options.db, this.machines, ids, (channel) => this.adapters[channel] === transcriptAdapter).catch((error: unknown) => {
      // A run of several is tried again one by one; only a conversation's own failure is an error.
      if (ids.length > 1) log.warn({ ...errorFields(error), conversations: ids.length }, 'applying a batch failed; its conversations run one by one');
      else conversationLog(ids[0] ?? '').error(errorFields(error), 'applying events failed; the job will be retried');
      throw error;
    });
    this.options.observe?.('committed', ids, wallClockMs());
    // A conversation's messages go out in the order its events were applied: this hand-over
    // starts after the ones of earlier runs that changed the same conversations.
    const earlier = processed.changed.flatMap((id) => this.handingOver.get(id) ?? []);
    const handedOver = Promise.allSettled(earlier).then(() => this.handOver(processed));
    // Each job waits for it (and fails with it, to be retried); the rejection is handled there.
    handedOver.catch(() => undefined);
    for (const id of processed.changed) this.handingOver.set(id, handedOver);
    void handedOver.finally(() => {
      for (const id of processed.changed) if (this.handingOver.get(id) === handedOver) this.handingOver.delete(id);
    }).catch(() => undefined);
    return ids.map(() => ({ handedOver }));
  }

  private async handOver(processed: Processed): Promise<void> {
    if (processed.applied === 0) return;
    log.debug({ applied: processed.applied, conversations: processed.changed.length, outbox: processed.outbox.length }, 'events applied');
    for (const id of processed.changed) this.notifier.publish(id);
    if (processed.handoffs) for (const listener of this.handoffListeners) listener();
    // Messages first, timers beside them: a batch arms a timer per step (every question waits
    // with one), and arming them one by one, one Redis round trip each, before sending delayed
    // every message of the batch. A timer's row is already committed; arming only wakes it up.
    const claimed = new Set(processed.claimed.map((item) => item.id));
    const unclaimed = processed.outbox.filter((id) => !claimed.has(id));
    await Promise.all([processed.outbox.length > 0 ? this.dispatch(unclaimed, processed.claimed) : undefined, ...processed.timers.map((timer) => this.arm(timer))]);
  }

  /**
   * Only a timer due within `armAheadMs` is armed; a later one waits in its row until a sweep
   * finds it near (every sweep arms those, see armNearTimers). Most timers are cancelled long
   * before they are due (a question's no-input timeout, re-set at every answer), and arming
   * each one cost a Redis delayed job per step, which also woke every worker's timer queue.
   */
  private async arm(timer: DueTimer): Promise<void> {
    const delayMs = timer.fireAt.getTime() - this.clock().getTime();
    if (delayMs > this.armAheadMs) return;
    await this.options.queue.timers.arm(timer, delayMs);
  }

  /**
   * Arms the pending timers due within `armAheadMs`. Sweeps run more often than that, so each
   * timer is armed before it is due; arming one twice adds nothing (timers.ts). Overdue ones are
   * left to fireDueTimers.
   */
  private async armNearTimers(): Promise<void> {
    const now = this.clock().getTime();
    for (const timer of await pendingTimers(this.options.db, new Date(now + this.armAheadMs))) if (timer.fireAt.getTime() > now) await this.arm(timer);
  }

  private async fire(timer: DueTimer): Promise<void> {
    // Never early: a wake-up ahead of time (clocks apart, a timer moved) waits again.
    if (timer.fireAt.getTime() - this.clock().getTime() > EARLY_TOLERANCE_MS) return this.arm(timer);
    if (await fireTimer(this.options.db, timer, this.clock())) {
      conversationLog(timer.conversationId).debug({ token: timer.token }, 'timer fired');
      await this.options.queue.enqueue(timer.conversationId);
    }
  }

  private dispatch(ids?: number[], claimed?: OutboxRow[]): Promise<void> {
    return dispatchOutbox(
      this.options.db,
      {
        adapters: this.adapters,
        onEvent: (id) => this.options.queue.enqueue(id),
        onDelivery: (id) => this.notifier.publish(id),
        ...(this.options.rewriteUrl ? { rewriteUrl: this.options.rewriteUrl } : {}),
        clock: this.clock,
      },
      ids,
      claimed,
    );
  }

  private async unapplied(staleMs: number): Promise<string[]> {
    const rows = await this.options.db
      .selectDistinct({ id: conversations.id })
      .from(conversations)
      .innerJoin(events, and(eq(events.conversationId, conversations.id), gt(events.seq, conversations.appliedSeq)))
      .where(and(ne(conversations.status, 'ended'), lt(events.receivedAt, new Date(Date.now() - staleMs))));
    return rows.map((row) => row.id);
  }
}
