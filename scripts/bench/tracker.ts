// Matches the echoes the workers report to the events the driver sent: latency of each event
// (from when it was due to be ingested to when its echo was handed to the adapter), echoes
// out of order within a conversation, and idempotency keys delivered more than once.
import type { Outbound } from './ipc';

export class Tracker {
  /** `${conversationId}|${text}` → when the event was due, for events not echoed yet. */
  private readonly due = new Map<string, { dueAt: number; echoed: () => void }>();
  private readonly lastSeq = new Map<string, number>();
  private readonly keys = new Set<string>();
  private waiter: { count: number; resolve: () => void } | undefined;
  latencies: number[] = [];
  received = 0;
  duplicates = 0;
  orderViolations = 0;
  /** Echoes of nothing the driver is waiting for (e.g. an opening message, had it been echoed). */
  unexpected = 0;
  lastAt = 0;

  /**
   * Registers an event about to be ingested: its text (`m<seq>`, seq rising per conversation)
   * and a promise of its echo. Made before ingesting, as the echo may come back before
   * ingest's promise settles.
   */
  expect(conversationId: string, seq: number, dueAt: number): { text: string; echoed: Promise<void> } {
    const text = `m${seq}`;
    let echoed: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (echoed = resolve));
    this.due.set(`${conversationId}|${text}`, { dueAt, echoed });
    return { text, echoed: promise };
  }

  /** An event that was never stored: no echo is owed. */
  forget(conversationId: string, seq: number): void {
    this.due.delete(`${conversationId}|m${seq}`);
  }

  onSent(items: Outbound[]): void {
    for (const item of items) this.record(item);
    if (this.waiter && this.received >= this.waiter.count) {
      this.waiter.resolve();
      this.waiter = undefined;
    }
  }

  /** Starts a new phase: latencies, echoes received and the last echo's time start afresh. */
  reset(): void {
    this.latencies = [];
    this.received = 0;
    this.lastAt = 0;
  }

  /** Resolves once `count` echoes of this phase arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void> {
    if (this.received >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`only ${this.received} of ${count} echoes arrived within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }

  /** Events sent whose echo has not come (yet). */
  get missing(): number {
    return this.due.size;
  }

  private record(item: Outbound): void {
    if (this.keys.has(item.key)) {
      this.duplicates++;
      return;
    }
    this.keys.add(item.key);
    const id = `${item.conversationId}|${item.text}`;
    const due = this.due.get(id);
    if (due === undefined) {
      this.unexpected++;
      return;
    }
    this.due.delete(id);
    due.echoed();
    const seq = Number(item.text.slice(1));
    if (seq <= (this.lastSeq.get(item.conversationId) ?? 0)) this.orderViolations++;
    else this.lastSeq.set(item.conversationId, seq);
    this.latencies.push(item.at - due.dueAt);
    this.lastAt = Math.max(this.lastAt, item.at);
    this.received++;
  }
}
