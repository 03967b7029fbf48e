// Runs routing rounds in this process: after every commit that changed a handoff, on presence
// changes, and every few seconds (max wait and business hours depend only on the clock).
// Requests that arrive while a round runs are folded into one more round after it.
import type { Database } from '../db/client';
import { errorFields, log } from '../log';
import type { Runtime } from '../runtime/runtime';
import { tellPositions } from './positions';
import { routingRound, type RoundResult } from './round';

/** How soon a round runs again after skipping a conversation a worker was applying. */
const RETRY_MS = 50;

export interface RoutingEngineOptions {
  db: Database;
  runtime: Runtime;
  /** How often a round runs without being asked (default 5 s). */
  periodMs?: number;
  /** The least time between two position updates to one customer (default 60 s). */
  positionEveryMs?: number;
}

export class RoutingEngine {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private unsubscribe: (() => void) | undefined;
  /** A round asked for shortly, after one skipped conversations a worker held. */
  private retry: Promise<void> | undefined;
  /** Set by stop(): the database may close next, so nothing starts a round any more. */
  private stopped = false;

  constructor(private readonly options: RoutingEngineOptions) {}

  /** Rounds after handoff changes and on a period. */
  start(): void {
    this.unsubscribe = this.options.runtime.onHandoffs(() => {
      this.options.runtime.notifier.publish('routing');
      this.trigger();
    });
    this.timer = setInterval(() => this.trigger(), this.options.periodMs ?? 5_000);
    this.timer.unref();
    this.trigger();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Asks for a round soon; never throws (failures are logged and the next round retries). */
  trigger(): void {
    if (this.stopped) return;
    this.again = true;
    this.running ??= this.loop();
  }

  /** Resolves once no round is running or asked for (tests). */
  async settled(): Promise<void> {
    while (this.running || this.retry) await (this.running ?? this.retry);
  }

  /** One round now, then the position updates; what it did. */
  async round(): Promise<RoundResult> {
    const { db, runtime } = this.options;
    const now = runtime.now();
    const result = await routingRound(db, now);
    const told = await tellPositions(db, now, this.options.positionEveryMs);
    const woken = new Set([...result.woken, ...told]);
    for (const id of woken) await runtime.wake(id);
    if (woken.size > 0 || result.skipped > 0) runtime.notifier.publish('routing');
    if (result.assigned.length > 0 || result.overflowed.length > 0) log.debug({ assigned: result.assigned.length, overflowed: result.overflowed.length }, 'routing round');
    // A conversation being applied was skipped: its turn comes with a round a moment later.
    if (result.skipped > 0) this.retrySoon();
    return result;
  }

  private retrySoon(): void {
    if (this.retry) return;
    this.retry = new Promise<void>((resolve) => setTimeout(resolve, RETRY_MS).unref()).then(() => {
      this.retry = undefined;
      this.trigger();
    });
  }

  private async loop(): Promise<void> {
    try {
      // From the check of `again` to clearing `running` nothing awaits, so no request is lost.
      while (this.again) {
        this.again = false;
        // Changes committed together (a batch, a burst of presence changes) share a round.
        await new Promise((resolve) => setImmediate(resolve));
        await this.round().catch((error: unknown) => log.error(errorFields(error), 'routing round failed'));
      }
    } finally {
      this.running = undefined;
    }
  }
}
