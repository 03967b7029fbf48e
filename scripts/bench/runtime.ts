/**
 * `npm run bench:runtime`: the conversation runtime on real PostgreSQL and Redis, beside the
 * ceilings it stands on (BullMQ moving no-op jobs, PostgreSQL running read-modify-write
 * transactions) and its targets: ≥ 1,000 events/s end to end, p99 ≤ 50 ms at half that load.
 * Nothing here is a pass/fail test: shared machines are noisy, so figures are read, not asserted.
 *
 * What runs where. PostgreSQL and Redis share the machine's cores with the Node processes:
 * - this process is the web side and the load: it ingests every event with Runtime.ingest
 *   (store, then queue a BullMQ job), as the HTTP ingest API does, and never applies any;
 * - BENCH_WORKERS forked processes (runtimeWorker.ts) are `npm run worker`: a Runtime taking
 *   jobs from BullMQ, applying events and handing echoes to an `api` adapter that reports each
 *   one, with the moment send() was called, back here over IPC.
 * Two workers × concurrency 32 by default: on 2 cores everything is CPU-bound, and one worker's
 * single thread saturates a core while the driver waits for it; a second one gives ~10% more
 * events/s (and a somewhat longer tail, from three Node processes sharing two cores). The jobs a
 * worker runs at once share apply transactions (group commit, server/runtime/batcher.ts), so a
 * high concurrency means larger batches, not more connections: each worker's pool stays small.
 * Latency is measured across processes on the shared system clock.
 *
 * Env: BENCH_DATABASE_URL, BENCH_REDIS_URL; BENCH_WORKERS (2), BENCH_CONCURRENCY (BullMQ
 * concurrency per worker, 32), BENCH_BURST (events per contact in the burst, 2), BENCH_SECONDS
 * (of the closed-loop saturation, 15), BENCH_SWEEP_MS (the workers' outbox sweep interval),
 * BENCH_CPU_PROFILE (a directory: each worker writes a V8 CPU profile there), BENCH_HALF_RATE (events/s
 * of the paced phase instead of half the saturation rate).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { redactUrl, type Database } from '../../server/db/client';
import { BullQueue } from '../../server/runtime/bullQueue';
import { Runtime } from '../../server/runtime/runtime';
import { cleanUpOnInterrupt, defer, deleteRedisKeys, wasInterrupted } from './cleanup';
import { cpuPerEvent, sampleCpu, type CpuSample } from './cpu';
import { checkRedis, queueCeiling, storageCeiling, type QueueCeiling, type StorageCeiling } from './ceilings';
import { publishEchoFlow } from './echoFlow';
import { burst, closedLoop, openConversations, paced, stopLoad } from './load';
import { ingestToApply, measured, type Measured } from './runtimeStats';
import { scratchPostgres } from './storage';
import { Tracker } from './tracker';
import { startWorkers, type Workers } from './workers';

const CONTACTS = 1_000;
const TARGET_EVENTS_PER_SECOND = 1_000;
const TARGET_P99_MS = 50;
const HALF_LOAD_SECONDS = 10;
const QUEUE_CEILING_JOBS = 20_000;
const STORAGE_CEILING_CLIENTS = 16;
const STORAGE_CEILING_SECONDS = 3;
const DRIVER_POOL = 16;
/** Group commit: a worker's jobs share a few transactions at a time, not one connection each. */
const WORKER_POOL = 8;

const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const workerCount = positive('BENCH_WORKERS', 2);
const concurrency = positive('BENCH_CONCURRENCY', 32);
const burstSize = positive('BENCH_BURST', 2);
const saturationSeconds = positive('BENCH_SECONDS', 15);
const sweepMs = process.env.BENCH_SWEEP_MS ? positive('BENCH_SWEEP_MS', 5_000) : undefined;

interface Ceilings {
  queue: QueueCeiling;
  storage: StorageCeiling;
}

interface Results {
  saturation: Measured;
  /** ingest → echo sent at half load, sorted. */
  latencies: number[];
  toApply: { p50: number; p99: number };
  /** Half load's time between stages (tracker.ts). */
  segments: Map<string, number[]>;
  failedIngests: number;
}

main().catch((error: unknown) => {
  if (wasInterrupted()) return; // the interrupt handler exits once it has cleaned up
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  const load = os.loadavg().map((n) => n.toFixed(1)).join(' ');
  console.log(`Switchboard runtime benchmark · node ${process.version} · ${os.cpus().length} CPUs, load ${load} · ${new Date().toISOString()}`);
  console.log(`PostgreSQL ${redactUrl(postgresUrl)} · Redis ${redactUrl(redisUrl)}`);
  console.log('');
  cleanUpOnInterrupt();
  await checkRedis(redisUrl);
  const creating = scratchPostgres(postgresUrl, DRIVER_POOL);
  // Registered before the database exists: Ctrl+C while it is made waits for it, then drops it.
  const release = defer(async () => (await creating.catch(() => undefined))?.drop());
  try {
    const database = await creating;
    const ceilings = await measureCeilings(database.url);
    console.log('');
    await benchRuntime(database.handle.db, database.url, ceilings);
  } finally {
    await release();
  }
}

async function measureCeilings(databaseUrl: string): Promise<Ceilings> {
  console.log('Ceilings, measured alone before the runtime starts');
  const queue = await queueCeiling(redisUrl, QUEUE_CEILING_JOBS, workerCount * concurrency);
  console.log(
    `  BullMQ no-op jobs (${count(queue.jobs)}, the runtime's job options; one Worker × ${workerCount * concurrency})   added ${rate(queue.added)}/s   completed ${rate(queue.completed)}/s`,
  );
  const storage = await storageCeiling(databaseUrl, STORAGE_CEILING_CLIENTS, STORAGE_CEILING_SECONDS);
  console.log(
    `  PostgreSQL BEGIN; SELECT … FOR UPDATE; UPDATE; COMMIT (1,000 rows, ${storage.clients} clients)                  ${rate(storage.perSecond)} tx/s`,
  );
  return { queue, storage };
}

async function benchRuntime(db: Database, databaseUrl: string, ceilings: Ceilings): Promise<void> {
  await publishEchoFlow(db);
  const prefix = `bench-runtime-${randomBytes(4).toString('hex')}`;
  // This process only ingests: its queue is never started, so it applies nothing.
  const queue = new BullQueue({ url: redisUrl, prefix });
  const tracker = new Tracker();
  const ingestInFlight = process.env.BENCH_INGEST_IN_FLIGHT ? positive('BENCH_INGEST_IN_FLIGHT', 6) : undefined;
  const runtime = new Runtime({
    db,
    queue,
    observe: (stage, ids, at) => tracker.onStage(stage, ids, at),
    ...(ingestInFlight ? { ingestBatch: { maxSize: 64, maxInFlight: ingestInFlight } } : {}),
  });
  let workers: Workers | undefined;
  const release = defer(async () => {
    workers?.kill();
    stopLoad();
    await queue.obliterate().catch((error: unknown) => console.error('obliterating the bench queue failed:', error));
    await queue.close();
    await deleteRedisKeys(redisUrl, prefix);
  });
  try {
    const applyInFlight = process.env.BENCH_APPLY_IN_FLIGHT ? positive('BENCH_APPLY_IN_FLIGHT', 4) : undefined;
    const config = { databaseUrl, redisUrl, prefix, concurrency, poolSize: WORKER_POOL, sweepMs, applyInFlight };
    workers = await startWorkers(workerCount, config, (items) => tracker.onSent(items));
    console.log(
      `Runtime: echo flow on the api channel, ${count(CONTACTS)} conversations; ingest here, ${workerCount} worker process${workerCount === 1 ? '' : 'es'} × BullMQ concurrency ${concurrency}`,
    );
    const pids = workers.pids;
    const results = await runPhases(db, runtime, tracker, ceilings, () => sampleCpu(pids));
    // Stopped before the checks, so every echo the workers sent has been counted.
    await workers.stop();
    workers = undefined;
    summarize(results, tracker);
  } finally {
    await release();
  }
}

async function runPhases(db: Database, runtime: Runtime, tracker: Tracker, ceilings: Ceilings, cpu: () => CpuSample | undefined): Promise<Results> {
  // Each phase's row, then what an event cost each process in CPU time.
  const phase = async (label: string, run: () => Promise<Measured>): Promise<Measured> => {
    const before = cpu();
    const result = await run();
    row(label, result, ceilings);
    const used = cpuPerEvent(before, cpu(), result.events, os.cpus().length);
    if (used) console.log(`      ${used}`);
    return result;
  };
  const opened = await openConversations(runtime, CONTACTS);
  console.log(`  ${count(CONTACTS)} conversations opened (contact, conversation, first step) in ${opened.seconds.toFixed(1)} s`);
  console.log('                                                         events   seconds   events/s   events/tx    of queue   of storage');
  // The burst is also the warm-up: JIT, pools and caches in every process.
  const bursts = await phase(`burst: ${burstSize} per contact back to back (order check)`, () => measured(db, () => burst(runtime, opened.contacts, burstSize, tracker)));
  const saturation = await phase(`saturation: closed loop, 1 in flight each, ${saturationSeconds} s`, () =>
    measured(db, () => closedLoop(runtime, opened.contacts, saturationSeconds, tracker)),
  );
  // BENCH_HALF_RATE pins the paced phase's rate: latencies of two builds compared at the same load.
  const halfRate = process.env.BENCH_HALF_RATE ? positive('BENCH_HALF_RATE', 1) : saturation.events / saturation.seconds / 2;
  if (!(halfRate > 0)) throw new Error('no event was applied at saturation');
  const halfStarted = new Date();
  const half = await phase(`half load: paced at ${Math.round(halfRate)}/s for ${HALF_LOAD_SECONDS} s`, () =>
    measured(db, () => paced(runtime, opened.contacts, halfRate, HALF_LOAD_SECONDS, tracker)),
  );
  return {
    saturation,
    latencies: [...tracker.latencies].sort((a, b) => a - b),
    segments: tracker.segments,
    toApply: await ingestToApply(db, halfStarted),
    failedIngests: bursts.failedIngests + saturation.failedIngests + half.failedIngests,
  };
}

function summarize(results: Results, tracker: Tracker): void {
  const { latencies, toApply } = results;
  const p99 = percentile(latencies, 0.99);
  console.log(
    `  latency at half load, ingest → echo sent:  p50 ${ms(percentile(latencies, 0.5))}   p90 ${ms(percentile(latencies, 0.9))}   p99 ${ms(p99)}   max ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
  console.log(`    of which ingest → apply began (received_at → applied_at):  p50 ${ms(toApply.p50)}   p99 ${ms(toApply.p99)}`);
  console.log('    by stage (each event\'s time between two of them; p99s do not add up):');
  for (const [name, spans] of results.segments) {
    const sorted = [...spans].sort((a, b) => a - b);
    console.log(`      ${name.padEnd(20)} p50 ${ms(percentile(sorted, 0.5)).padStart(9)}   p90 ${ms(percentile(sorted, 0.9)).padStart(9)}   p99 ${ms(percentile(sorted, 0.99)).padStart(9)}   (${count(sorted.length)})`);
  }
  const perSecond = results.saturation.events / results.saturation.seconds;
  console.log(
    `  targets: ≥ ${count(TARGET_EVENTS_PER_SECOND)} events/s: ${ratio(perSecond, TARGET_EVENTS_PER_SECOND)} of it   p99 ≤ ${TARGET_P99_MS} ms at half load: ${ratio(TARGET_P99_MS, p99)} headroom`,
  );
  console.log(
    `  checks: ${tracker.orderViolations} ordering violations, ${tracker.duplicates} duplicate deliveries (an idempotency key twice), ${tracker.missing} echoes missing, ${tracker.unexpected} unexpected, ${results.failedIngests} failed ingests`,
  );
}

function row(label: string, phase: Measured, ceilings: Ceilings): void {
  const perSecond = phase.events / phase.seconds;
  console.log(
    `  ${label.padEnd(52)} ${count(phase.events).padStart(8)}   ${phase.seconds.toFixed(1).padStart(7)}   ${rate(perSecond)}   ${(phase.events / phase.runs).toFixed(2).padStart(10)}   ${percent(perSecond, ceilings.queue.completed)}   ${percent(perSecond, ceilings.storage.perSecond)}`,
  );
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US').padStart(8);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}%`.padStart(8);
}

function ratio(actual: number, target: number): string {
  return `${(actual / target).toFixed(2)}×`;
}
