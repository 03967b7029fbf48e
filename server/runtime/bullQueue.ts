// The JobQueue on BullMQ and Redis, for several worker processes. Open-source BullMQ has no
// groups, so two workers may pick jobs of one conversation at the same time; that is safe
// because the processor serializes on the conversation's row (see processor.ts). For the same
// reason jobs are not deduplicated: a job added while another for the conversation is running
// must still run, or events that arrived meanwhile would wait for the next one.
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { z } from 'zod';
import { redactUrl } from '../db/client';
import { log } from '../log';
import { Batcher } from './batcher';
import type { JobQueue } from './queue';
import { wallClockMs, type StageObserver } from './stages';
import type { DueTimer, TimerQueue } from './timers';

const JobData = z.object({ conversationId: z.string().min(1) });
const TimerData = z.object({ conversationId: z.string().min(1), token: z.string().min(1), fireAt: z.iso.datetime() });
const HEALTH_TIMEOUT_MS = 1_000;

export interface BullQueueOptions {
  url: string;
  /** Redis key prefix; tests use one of their own. */
  prefix?: string;
  name?: string;
  concurrency?: number;
  attempts?: number;
  backoffMs?: number;
  /** Told when a worker fetched a job and when its handler began (benchmarks). */
  observe?: StageObserver;
}

export class BullQueue implements JobQueue {
  private readonly queue: Queue;
  private readonly connection: IORedis;
  private worker: Worker | undefined;
  private workerConnection: IORedis | undefined;

  private lastError = '';
  readonly timers: BullTimers;
  private readonly adds = new Batcher<string, void>((ids) => this.addJobs(ids), { maxSize: 200, maxInFlight: 2 });

  constructor(private readonly options: BullQueueOptions) {
    this.connection = this.connect();
    this.queue = new Queue(this.name, { connection: this.connection, prefix: this.prefix });
    this.queue.on('error', (error) => this.report(error));
    this.timers = new BullTimers(`${this.name}-timers`, this.prefix, this.connection, () => this.connect(), (error) => this.report(error));
  }

  private connect(): IORedis {
    const connection = new IORedis(this.options.url, { maxRetriesPerRequest: null });
    connection.on('error', (error) => this.report(error));
    connection.on('ready', () => (this.lastError = ''));
    return connection;
  }

  /** A down Redis fails every reconnect attempt: say so once, not every second. */
  private report(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    log.error({ redis: redactUrl(this.options.url), err: { message: error.message } }, 'Redis connection failed');
  }

  private get name(): string {
    return this.options.name ?? 'conversations';
  }

  get prefixKey(): string {
    return this.prefix;
  }

  private get prefix(): string {
    return this.options.prefix ?? 'switchboard';
  }

  /** Resolves once Redis holds the job; jobs queued at the same time go in one pipeline (addBulk). */
  enqueue(conversationId: string): Promise<void> {
    return this.adds.submit(conversationId);
  }

  private async addJobs(conversationIds: string[]): Promise<void[]> {
    const opts = {
      attempts: this.options.attempts ?? 5,
      backoff: { type: 'exponential', delay: this.options.backoffMs ?? 100 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    };
    await this.queue.addBulk(conversationIds.map((conversationId) => ({ name: 'apply', data: { conversationId }, opts })));
    return conversationIds.map(() => undefined);
  }

  start(handler: (conversationId: string) => Promise<void>): void {
    // Workers block on their own connection, as BullMQ requires.
    this.workerConnection = this.connect();
    const observe = this.options.observe;
    this.worker = new Worker(this.name, (job) => {
      const { conversationId } = JobData.parse(job.data);
      if (observe) {
        if (job.processedOn) observe('fetched', [conversationId], job.processedOn);
        observe('picked', [conversationId], wallClockMs());
      }
      return handler(conversationId);
    }, {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: this.options.concurrency ?? 32,
    });
    this.worker.on('error', (error) => this.report(error));
  }

  async health(): Promise<{ kind: 'redis'; up: boolean }> {
    // Commands wait for a connection (maxRetriesPerRequest: null), so a down Redis is a timeout.
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), HEALTH_TIMEOUT_MS).unref());
    const answer = await Promise.race([this.connection.ping().catch(() => 'error'), timeout]);
    return { kind: 'redis', up: answer === 'PONG' };
  }

  async idle(): Promise<void> {
    for (;;) {
      // Timers wait in their own queue; delayed jobs here are retries, which still count as work.
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Lets running jobs finish, then disconnects. */
  async close(): Promise<void> {
    await this.timers.close();
    await this.worker?.close();
    await this.queue.close();
    for (const connection of [this.workerConnection, this.connection]) {
      // quit() waits for a reply a down Redis never sends; disconnect() does not.
      if (connection?.status === 'ready') await connection.quit().catch(() => undefined);
      else connection?.disconnect();
    }
  }

  /** Drops the connections without waiting for Redis (it may be down). */
  disconnectNow(): void {
    this.timers.disconnectNow();
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }

  /** Removes every key of this queue and its timers (tests). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
    await this.timers.obliterate();
  }
}

/**
 * Timers as delayed jobs: they wait in Redis, so any worker fires them, also after the one that
 * armed them is gone. The job id names the timer and its due time, so re-arming (every worker
 * re-arms pending timers at start) adds nothing while the job waits.
 */
class BullTimers implements TimerQueue {
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: IORedis | undefined;

  constructor(
    private readonly name: string,
    private readonly prefix: string,
    connection: IORedis,
    private readonly connect: () => IORedis,
    private readonly report: (error: Error) => void,
  ) {
    this.queue = new Queue(name, { connection, prefix });
    this.queue.on('error', report);
  }

  async arm(timer: DueTimer, delayMs: number): Promise<void> {
    // BullMQ refuses custom ids containing ':'.
    const jobId = `timer_${timer.conversationId}_${timer.token}_${timer.fireAt.getTime()}`.replaceAll(':', '_');
    const data = { conversationId: timer.conversationId, token: timer.token, fireAt: timer.fireAt.toISOString() };
    await this.queue.add('fire', data, {
      jobId,
      delay: Math.max(0, delayMs),
      attempts: 5,
      backoff: { type: 'exponential', delay: 200 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    });
  }

  start(onDue: (timer: DueTimer) => Promise<void>): void {
    this.workerConnection = this.connect();
    this.worker = new Worker(
      this.name,
      async (job) => {
        const data = TimerData.parse(job.data);
        await onDue({ conversationId: data.conversationId, token: data.token, fireAt: new Date(data.fireAt) });
      },
      { connection: this.workerConnection, prefix: this.prefix, concurrency: 8 },
    );
    this.worker.on('error', this.report);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    if (this.workerConnection?.status === 'ready') await this.workerConnection.quit().catch(() => undefined);
    else this.workerConnection?.disconnect();
  }

  disconnectNow(): void {
    this.workerConnection?.disconnect();
  }

  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
