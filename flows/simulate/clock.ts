/** Timers of a simulated journey on a virtual clock. */
export class VirtualTimers {
  private readonly timers = new Map<string, number>();

  set(token: string, dueMs: number): void {
    this.timers.set(token, dueMs);
  }

  cancel(token: string): void {
    this.timers.delete(token);
  }

  /** The earliest timer due at or before `untilMs`, removed from the set. */
  takeDue(untilMs: number): { token: string; dueMs: number } | undefined {
    let earliest: { token: string; dueMs: number } | undefined;
    for (const [token, dueMs] of this.timers) {
      if (dueMs <= untilMs && (!earliest || dueMs < earliest.dueMs)) earliest = { token, dueMs };
    }
    if (earliest) this.timers.delete(earliest.token);
    return earliest;
  }

  pending(): { token: string; due: string }[] {
    return [...this.timers].map(([token, dueMs]) => ({ token, due: new Date(dueMs).toISOString() }));
  }
}
