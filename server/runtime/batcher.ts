// Group commit: work arrives one item at a time (a BullMQ job naming a conversation, an HTTP
// event to store), but one transaction each makes the per-statement cost of PostgreSQL the
// limit. The batcher lets concurrent callers share a run: an item joins the items waiting, and a
// run takes everything waiting (up to `maxSize`) as soon as fewer than `maxInFlight` runs are
// going. Nothing waits on a timer: under light load a run holds one item and starts at once
// (same latency as before); under heavy load items pile up while the runs in flight work, and the next run takes them all, so batches grow with the load. Each caller is
// answered only when the run holding its item has committed.
//
// A run is all or nothing (one transaction). When a run of several items fails, each item is
// run again on its own, so one bad item fails only its own caller (a job its queue retries, an
// HTTP event answered with its error) and the others are done once: the failed run rolled
// back, and their own runs do them.

export interface BatcherOptions {
  /** Most items in one run. */
  maxSize?: number;
  /** Runs going at once (each holds a database connection). */
  maxInFlight?: number;
}

interface Waiting<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** `run` gets items in submission order and answers one result per item, in the same order. */
export class Batcher<I, R> {
  private waiting: Waiting<I, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxSize: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly run: (items: I[]) => Promise<R[]>,
    options: BatcherOptions = {},
  ) {
    this.maxSize = options.maxSize ?? 32;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /**
   * Resolves with the item's result once a run that began after this call has succeeded: an
   * item never joins a run already going, since what it stands for may have come after it read.
   */
  submit(item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** After the current turn: items submitted in the same turn (one Redis reply's jobs) share a run. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startRuns();
    });
  }

  private startRuns(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const taken = this.waiting.splice(0, this.maxSize);
      this.inFlight++;
      void this.execute(taken).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async execute(batch: Waiting<I, R>[]): Promise<void> {
    try {
      const results = await this.runChecked(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index] as R));
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      // One at a time, in order: the failing item is found, and the others are not held back by it.
      for (const waiting of batch) {
        await this.runChecked([waiting.item]).then(
          ([result]) => waiting.resolve(result as R),
          (own: unknown) => waiting.reject(own),
        );
      }
    }
  }

  private async runChecked(items: I[]): Promise<R[]> {
    const results = await this.run(items);
    if (results.length !== items.length) throw new Error(`a batch of ${items.length} answered ${results.length} results`);
    return results;
  }
}
