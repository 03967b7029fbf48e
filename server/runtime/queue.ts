// Processing requests go through a JobQueue. A job only says "this conversation has events
// to apply": the database holds the events and what is applied, so a lost, repeated or
// reordered job costs at most a wasted run, never a wrong one.
import { InMemoryTimers, type TimerQueue } from './timers';

export interface JobQueue {
  enqueue(conversationId: string): Promise<void>;
  /** Starts handing jobs to `handler`; a job whose handler throws is retried with backoff. */
  start(handler: (conversationId: string) => Promise<void>): void;
  /** Resolves once nothing is queued or running (tests and shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
  /** Whether jobs can be queued now: `embedded` always can; Redis must answer. */
  health(): Promise<{ kind: 'embedded' | 'redis'; up: boolean }>;
  /** Where timers wait until they are due; closed with the queue. */
  readonly timers: TimerQueue;
}

export interface EmbeddedQueueOptions {
  concurrency?: number;
  maxAttempts?: number;
  /** First retry delay; doubled on each attempt. */
  backoffMs?: number;
  onFailure?: (conversationId: string, error: unknown) => void;
}

/** The default for one process without Redis: jobs in memory, the same conversation never twice at once. */
export class EmbeddedQueue implements JobQueue {
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  /** Enqueued again while running: run once more after. */
  private readonly again = new Set<string>();
  private readonly retries = new Map<string, ReturnType<typeof setTimeout>>();
  private handler: ((conversationId: string) => Promise<void>) | undefined;
  private waiters: (() => void)[] = [];
  private closed = false;
  readonly timers = new InMemoryTimers();

  constructor(private readonly options: EmbeddedQueueOptions = {}) {}

  async enqueue(conversationId: string): Promise<void> {
    if (this.closed) return;
    if (this.running.has(conversationId)) this.again.add(conversationId);
    else this.queued.add(conversationId);
    this.pump();
  }

  start(handler: (conversationId: string) => Promise<void>): void {
    this.handler = handler;
    this.pump();
  }

  async health(): Promise<{ kind: 'embedded'; up: boolean }> {
    return { kind: 'embedded', up: !this.closed };
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.timers.close();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    this.queued.clear();
    if (this.running.size > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    const concurrency = this.options.concurrency ?? 4;
    for (const id of this.queued) {
      if (this.running.size >= concurrency) break;
      this.queued.delete(id);
      this.running.add(id);
      void this.run(handler, id, 1);
    }
    if (this.isIdle()) this.notifyIdle();
  }

  private async run(handler: (conversationId: string) => Promise<void>, id: string, attempt: number): Promise<void> {
    try {
      await handler(id);
      this.finish(id);
    } catch (error) {
      if (!this.closed && attempt < (this.options.maxAttempts ?? 5)) {
        const delay = (this.options.backoffMs ?? 100) * 2 ** (attempt - 1);
        this.retries.set(id, setTimeout(() => {
          this.retries.delete(id);
          void this.run(handler, id, attempt + 1);
        }, delay));
        return;
      }
      this.options.onFailure?.(id, error);
      this.finish(id);
    }
  }

  private finish(id: string): void {
    this.running.delete(id);
    if (this.again.delete(id) && !this.closed) this.queued.add(id);
    this.pump();
  }

  private isIdle(): boolean {
    return this.queued.size === 0 && this.running.size === 0 && this.retries.size === 0;
  }

  private notifyIdle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
