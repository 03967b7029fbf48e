// Matches the echoes the workers report to the events the driver sent: latency of each event
// (from when it was due to be ingested to when its echo was handed to the adapter), echoes
// out of order within a conversation, and idempotency keys delivered more than once.
import type { Stage } from '../../server/runtime/stages';
import type { Outbound } from './ipc';

/** The stages an event passes, in order, from when it was due to when its echo was sent. */
const STAGES = ['due', 'stored', 'queued', 'fetched', 'picked', 'began', 'committed', 'sent'] as const;

export class Tracker {
  /** `${conversationId}|${text}` → when the event was due, for events not echoed yet. */
  private readonly due = new Map<string, { dueAt: number; echoed: () => void }>();
  private readonly lastSeq = new Map<string, number>();
  private readonly keys = new Set<string>();
  private waiter: { count: number; resolve: () => void } | undefined;
  latencies: number[] = [];
  /** Per pair of consecutive stages (`stored→queued`), how long each echoed event spent there. */
  segments = new Map<string, number[]>();
  /** The driver's stages (stored, queued) of each conversation's latest event. */
  private readonly driverStages = new Map<string, Partial<Record<Stage, number>>>();
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
    this.segments = new Map();
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

  /** The driver's side of the stages (see stages.ts): Runtime's observer. */
  onStage(stage: Stage, conversationIds: readonly string[], at: number): void {
    for (const id of conversationIds) {
      const times = stage === 'stored' ? {} : (this.driverStages.get(id) ?? {});
      times[stage] = at;
      this.driverStages.set(id, times);
    }
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
    this.recordSegments(due.dueAt, item);
    this.lastAt = Math.max(this.lastAt, item.at);
    this.received++;
  }

  private recordSegments(dueAt: number, item: Outbound): void {
    const times: Record<string, number | undefined> = { due: dueAt, ...this.driverStages.get(item.conversationId), ...item.stages, sent: item.at };
    for (let i = 1; i < STAGES.length; i++) {
      const from = times[STAGES[i - 1] ?? ''];
      const to = times[STAGES[i] ?? ''];
      if (from === undefined || to === undefined) continue;
      const name = `${STAGES[i - 1]}→${STAGES[i]}`;
      const list = this.segments.get(name) ?? [];
      list.push(to - from);
      this.segments.set(name, list);
    }
  }
}
