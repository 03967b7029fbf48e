// The runtime: ingest writes events, the queue asks for them to be applied, the processor
// applies them. One instance per process.
import { and, eq, gt, ne } from 'drizzle-orm';
import { simulatedServices, type EffectServices } from '@/flows';
import type { Database } from '../db/client';
import { conversations, events } from '../db/schema';
import type { InboundEvent } from './inbound';
import { ingestEvent, type Ingested } from './ingest';
import { MachineCache } from './machines';
import { processConversation } from './processor';
import type { JobQueue } from './queue';

export interface RuntimeOptions {
  db: Database;
  queue: JobQueue;
  /** Services flows use while stepping (links to continue on another channel). */
  services?: EffectServices;
}

export class Runtime {
  private readonly machines: MachineCache;

  constructor(private readonly options: RuntimeOptions) {
    this.machines = new MachineCache(options.services ?? simulatedServices);
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
  }

  /** Resolves once every queued event has been applied (tests, shutdown). */
  idle(): Promise<void> {
    return this.options.queue.idle();
  }

  async process(conversationId: string): Promise<void> {
    await processConversation(this.options.db, this.machines, conversationId);
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
