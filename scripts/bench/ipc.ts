// What the runtime benchmark's driver and its worker processes say to each other over the
// fork() IPC channel. Messages are parsed on arrival like any other boundary.
import { z } from 'zod';

export const WorkerConfig = z.object({
  databaseUrl: z.string(),
  redisUrl: z.string(),
  prefix: z.string(),
  concurrency: z.number().int().positive(),
  poolSize: z.number().int().positive(),
  /** Apply runs in flight per worker; unset: the runtime's default. */
  applyInFlight: z.number().int().positive().optional(),
  /** The outbox sweep interval; unset: the runtime's default. */
  sweepMs: z.number().int().positive().optional(),
});
export type WorkerConfig = z.infer<typeof WorkerConfig>;

/** One outbound message as the worker's adapter saw it, with the wall-clock time of send(). */
export const Outbound = z.object({
  key: z.string(),
  conversationId: z.string(),
  text: z.string(),
  at: z.number(),
  /** When the worker's stages (stages.ts) last passed this conversation, before send(). */
  stages: z.record(z.string(), z.number()).optional(),
});
export type Outbound = z.infer<typeof Outbound>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('sent'), items: z.array(Outbound) }),
  z.object({ type: z.literal('stopped') }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

export const ToWorker = z.object({ type: z.literal('stop') });

/**
 * Milliseconds on the wall clock with sub-millisecond resolution. Both processes read the same
 * system clock, so a time taken in the driver and one taken in a worker can be subtracted.
 */
export function wallMs(): number {
  return performance.timeOrigin + performance.now();
}
