// Group commit for the processor: jobs arrive one conversation at a time (each BullMQ job, each
// embedded-queue run), but applying them one transaction each makes the per-statement cost of
// PostgreSQL the limit. The batcher lets concurrent jobs share a run: a job's key joins the keys
// waiting, and a run takes everything waiting (up to `maxSize`) as soon as fewer than
// `maxInFlight` runs are going. Nothing waits on a timer: under light load a run holds one key
// and starts at once (same latency as before); under heavy load keys pile up while the runs in
// flight work, and the next run takes them all, so batches grow with the load.
//
// A run is all or nothing (one transaction). When a run of several keys fails, each key is run
// again on its own, so one bad conversation fails only its own job (which its queue retries)
// and the others are applied once: the failed run rolled back, and their own runs apply them.

export interface BatcherOptions {
  /** Most keys in one run. */
  maxSize?: number;
  /** Runs going at once (each holds a database connection). */
  maxInFlight?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Batcher<K> {
  private waiting = new Map<K, Waiter[]>();
  private inFlight = 0;
  private scheduled = false;
  private readonly maxSize: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly run: (keys: K[]) => Promise<void>,
    options: BatcherOptions = {},
  ) {
    this.maxSize = options.maxSize ?? 32;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /**
   * Resolves once a run that began after this call and included `key` has succeeded: a key
   * already in a running run waits for the next, since what it stands for may have come later.
   */
  submit(key: K): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  /** After the current turn: keys submitted in the same turn (one Redis reply's jobs) share a run. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startRuns();
    });
  }

  private startRuns(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.size > 0) {
      const taken = new Map<K, Waiter[]>();
      for (const [key, waiters] of this.waiting) {
        if (taken.size >= this.maxSize) break;
        taken.set(key, waiters);
      }
      for (const key of taken.keys()) this.waiting.delete(key);
      this.inFlight++;
      void this.execute(taken).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async execute(batch: Map<K, Waiter[]>): Promise<void> {
    const keys = [...batch.keys()];
    try {
      await this.run(keys);
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.resolve();
    } catch (error) {
      if (keys.length === 1) {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
        return;
      }
      // One at a time: the failing key is found, and the others are not held back by it.
      for (const [key, waiters] of batch) {
        await this.run([key]).then(
          () => waiters.forEach((waiter) => waiter.resolve()),
          (own: unknown) => waiters.forEach((waiter) => waiter.reject(own)),
        );
      }
    }
  }
}
