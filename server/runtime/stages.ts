// Where an event's time goes between ingest and its outbound message: the runtime and its queue
// call an optional observer at each hand-over, with the wall-clock time. The runtime benchmark
// uses it to split latency by stage (a slow stage is found by measuring, not by guessing); with
// no observer nothing is recorded.

export type Stage =
  /** Ingest: the event's transaction committed (driver side). */
  | 'stored'
  /** Ingest: Redis holds the job. */
  | 'queued'
  /** Queue: a worker moved the job to active (BullMQ's own timestamp, the worker's clock). */
  | 'fetched'
  /** Queue: the job's handler was called. */
  | 'picked'
  /** Apply: a run holding the conversation began (its transaction is about to open). */
  | 'began'
  /** Apply: that run committed. */
  | 'committed';

export type StageObserver = (stage: Stage, conversationIds: readonly string[], at: number) => void;

/** Milliseconds on the wall clock with sub-millisecond resolution, comparable across processes. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
