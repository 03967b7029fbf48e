// Timers of the embedded runtime: rows in the database, armed in memory with setTimeout and
// re-armed from the rows at start, so they survive restarts. Firing appends a TIMER event with
// the timer's token; a token the journey no longer waits for does nothing when applied.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { timers } from '../db/schema';
import { appendEvent } from './internalEvents';

/** setTimeout's ceiling (~24.8 days); longer timers wake up and re-arm. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class TimerScheduler {
  private readonly armed = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly onEvent: (conversationId: string) => Promise<void>,
  ) {}

  /** Arms every timer that has neither fired nor been cancelled. */
  async start(): Promise<void> {
    const pending = await this.db
      .select()
      .from(timers)
      .where(and(isNull(timers.firedAt), isNull(timers.cancelledAt)));
    for (const timer of pending) this.arm(timer.conversationId, timer.token, timer.fireAt);
  }

  arm(conversationId: string, token: string, fireAt: Date): void {
    if (this.stopped) return;
    const key = `${conversationId}:${token}`;
    const existing = this.armed.get(key);
    if (existing) clearTimeout(existing);
    const delay = Math.max(0, fireAt.getTime() - Date.now());
    const handle = setTimeout(() => {
      this.armed.delete(key);
      if (delay > MAX_DELAY_MS) this.arm(conversationId, token, fireAt);
      else void this.fire(conversationId, token).catch((error: unknown) => console.error(`timer ${key} failed:`, error));
    }, Math.min(delay, MAX_DELAY_MS));
    this.armed.set(key, handle);
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.armed.values()) clearTimeout(handle);
    this.armed.clear();
  }

  private async fire(conversationId: string, token: string): Promise<void> {
    const [timer] = await this.db
      .update(timers)
      .set({ firedAt: new Date() })
      .where(and(eq(timers.conversationId, conversationId), eq(timers.token, token), isNull(timers.firedAt), isNull(timers.cancelledAt)))
      .returning();
    if (!timer) return; // cancelled, or fired by someone else
    const event = { type: 'TIMER' as const, at: new Date().toISOString(), token };
    if (await appendEvent(this.db, conversationId, event, `timer:${conversationId}:${token}`)) await this.onEvent(conversationId);
  }
}
