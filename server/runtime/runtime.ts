// The runtime: ingest writes events, the queue asks for them to be applied, the processor
// applies them. One instance per process.
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { simulatedServices, type EffectServices } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';
import type { InboundEvent } from './inbound';
import { defaultAdapters, type Channel, type ChannelAdapter } from './adapters';
import { dispatchOutbox } from './dispatch';
import { ingestEvent, type Ingested } from './ingest';
import { MachineCache } from './machines';
import { processConversation } from './processor';
import type { JobQueue } from './queue';
import { TimerScheduler } from './timers';

export interface RuntimeOptions {
  db: Database;
  queue: JobQueue;
  /** Services flows use while stepping (links to continue on another channel). */
  services?: EffectServices;
  adapters?: Partial<Record<Channel, ChannelAdapter>>;
  /** How often pending outbox items (failed earlier, or left by a crash) are retried. */
  sweepMs?: number;
}

export class Runtime {
  private readonly machines: MachineCache;
  private readonly timers: TimerScheduler;
  private readonly adapters: Partial<Record<Channel, ChannelAdapter>>;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RuntimeOptions) {
    this.machines = new MachineCache(options.services ?? simulatedServices);
    this.adapters = options.adapters ?? defaultAdapters();
    this.timers = new TimerScheduler(options.db, (id) => options.queue.enqueue(id));
  }

  /** Stores the event (the caller may answer 2xx once this resolves) and asks for it to be applied. */
  async ingest(event: InboundEvent): Promise<Ingested> {
    const ingested = await ingestEvent(this.options.db, event);
    if (!ingested.duplicate) await this.options.queue.enqueue(ingested.conversationId);
    return ingested;
  }

  /** Processes jobs in this process; re-queues conversations left with unapplied events. */
  async startWorker(): Promise<void> {
    this.options.queue.start((conversationId) => this.process(conversationId));
    for (const id of await this.unapplied()) await this.options.queue.enqueue(id);
    await this.timers.start();
    await this.dispatch();
    this.sweeper = setInterval(() => void this.dispatch().catch((error: unknown) => console.error('outbox sweep failed:', error)), this.options.sweepMs ?? 5_000);
    this.sweeper.unref();
  }

  /** Stops timers and the sweeper; the queue is closed by its owner. */
  stop(): void {
    this.timers.stop();
    if (this.sweeper) clearInterval(this.sweeper);
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

  async process(conversationId: string): Promise<void> {
    const processed = await processConversation(this.options.db, this.machines, conversationId);
    for (const timer of processed.timers) this.timers.arm(conversationId, timer.token, timer.fireAt);
    if (processed.outbox.length > 0) await this.dispatch(processed.outbox);
  }

  private dispatch(ids?: number[]): Promise<void> {
    return dispatchOutbox(this.options.db, { adapters: this.adapters, onEvent: (id) => this.options.queue.enqueue(id) }, ids);
  }

  private async unapplied(): Promise<string[]> {
    const rows = await this.options.db
      .selectDistinct({ id: conversations.id })
      .from(conversations)
      .innerJoin(events, and(eq(events.conversationId, conversations.id), gt(events.seq, conversations.appliedSeq)))
      .where(ne(conversations.status, 'ended'));
    return rows.map((row) => row.id);
  }
}
