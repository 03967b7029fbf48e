// Durable timers. The database row is the timer: it is written with the step that set it, and
// firing claims it (fired_at) before appending a TIMER event with its token, so a timer fires
// once however many times it was armed, and a token the journey no longer waits for does
// nothing when applied. Arming only decides when someone looks: delayed jobs in Redis with
// BullMQ, setTimeout in the embedded queue, and every worker re-arms pending rows at start.
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Database } from '../db/client';
import { timers } from '../db/schema';
import { insertEvent, lockConversation } from './internalEvents';

export interface DueTimer {
  conversationId: string;
  token: string;
  fireAt: Date;
}

export interface TimerQueue {
  /** Calls the handler when `delayMs` has passed; arming the same timer again does not fire it twice. */
  arm(timer: DueTimer, delayMs: number): Promise<void>;
  start(onDue: (timer: DueTimer) => Promise<void>): void;
  close(): Promise<void>;
}

/** Timers neither fired nor cancelled; with `dueBy`, only those due by then, earliest first. */
export async function pendingTimers(db: Database, dueBy?: Date): Promise<DueTimer[]> {
  return db
    .select({ conversationId: timers.conversationId, token: timers.token, fireAt: timers.fireAt })
    .from(timers)
    .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt), dueBy ? lte(timers.fireAt, dueBy) : undefined))
    .orderBy(asc(timers.fireAt));
}

/** Claims the timer and appends its TIMER event; false when it was cancelled or already fired. */
export async function fireTimer(db: Database, timer: DueTimer, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await lockConversation(tx, timer.conversationId))) return false;
    const [claimed] = await tx
      .update(timers)
      .set({ firedAt: now })
      .where(and(eq(timers.conversationId, timer.conversationId), eq(timers.token, timer.token), isNull(timers.firedAt), isNull(timers.cancelledAt)))
      .returning({ id: timers.id });
    if (!claimed) return false;
    const event = { type: 'TIMER' as const, at: now.toISOString(), token: timer.token };
    return (await insertEvent(tx, timer.conversationId, event, `timer:${timer.conversationId}:${timer.token}`, now)) !== undefined;
  });
}

/** setTimeout's ceiling (~24.8 days); longer timers wake up and wait again. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** The embedded queue's timers: setTimeout in this process, re-armed from the rows at start. */
export class InMemoryTimers implements TimerQueue {
  private readonly armed = new Map<string, ReturnType<typeof setTimeout>>();
  private onDue: ((timer: DueTimer) => Promise<void>) | undefined;
  /** Armed before start: held until there is a handler. */
  private early: { timer: DueTimer; dueAt: number }[] = [];
  private closed = false;

  async arm(timer: DueTimer, delayMs: number): Promise<void> {
    if (this.closed) return;
    if (!this.onDue) return void this.early.push({ timer, dueAt: Date.now() + delayMs });
    const key = `${timer.conversationId}:${timer.token}`;
    const existing = this.armed.get(key);
    if (existing) clearTimeout(existing);
    const handle = setTimeout(() => {
      this.armed.delete(key);
      if (delayMs > MAX_DELAY_MS) void this.arm(timer, delayMs - MAX_DELAY_MS);
      else void this.onDue?.(timer);
    }, Math.max(0, Math.min(delayMs, MAX_DELAY_MS)));
    this.armed.set(key, handle);
  }

  start(onDue: (timer: DueTimer) => Promise<void>): void {
    this.onDue = onDue;
    const early = this.early;
    this.early = [];
    for (const { timer, dueAt } of early) void this.arm(timer, dueAt - Date.now());
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const handle of this.armed.values()) clearTimeout(handle);
    this.armed.clear();
  }
}
