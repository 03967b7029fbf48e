// The ceilings under the runtime: how fast BullMQ moves jobs that do nothing, and how fast
// PostgreSQL runs the read-modify-write transaction every applied event is built around. The
// runtime can only approach them; its figures are printed as a share of these.
import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { redactUrl } from '../../server/db/client';
import { defer, deleteRedisKeys } from './cleanup';

export interface QueueCeiling {
  jobs: number;
  /** Jobs added per second (one `add` at a time from many callers, as `Runtime.ingest` does). */
  added: number;
  /** Jobs completed per second by one Worker with a no-op processor. */
  completed: number;
}

/** Fails fast when Redis does not answer: the clients below retry forever by design (BullMQ needs it). */
export async function checkRedis(url: string): Promise<void> {
  const redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  redis.on('error', () => undefined); // reported below, once
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis at ${redactUrl(url)} does not answer (set BENCH_REDIS_URL): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    redis.disconnect();
  }
}

/** Adds `jobs` no-op jobs with the runtime's job options, then times one Worker draining them. */
export async function queueCeiling(url: string, jobs: number, concurrency: number): Promise<QueueCeiling> {
  const prefix = `bench-ceiling-${randomBytes(4).toString('hex')}`;
  const connection = new IORedis(url, { maxRetriesPerRequest: null });
  const workerConnection = new IORedis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('conversations', { connection, prefix });
  let worker: Worker | undefined;
  const release = defer(async () => {
    await worker?.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    connection.disconnect();
    workerConnection.disconnect();
    await deleteRedisKeys(url, prefix);
  });
  try {
    // The same options BullQueue.enqueue uses, so the ceiling pays for the same bookkeeping.
    const options = { attempts: 5, backoff: { type: 'exponential', delay: 100 }, removeOnComplete: true, removeOnFail: 1_000 };
    const addStarted = performance.now();
    await inParallel(jobs, 64, (i) => queue.add('apply', { conversationId: `c${i}` }, options));
    const added = jobs / ((performance.now() - addStarted) / 1000);

    let done = 0;
    let finished: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const started = performance.now();
    worker = new Worker('conversations', async () => undefined, { connection: workerConnection, prefix, concurrency });
    worker.on('completed', () => {
      if (++done === jobs) finished();
    });
    await allDone;
    const completed = jobs / ((performance.now() - started) / 1000);
    return { jobs, added, completed };
  } finally {
    await release();
  }
}

export interface StorageCeiling {
  clients: number;
  transactions: number;
  perSecond: number;
}

/**
 * `clients` connections, each looping BEGIN; SELECT … FOR UPDATE; UPDATE; COMMIT on a random
 * one of 1,000 rows for `seconds`: the shape of one applied event, without its payload.
 */
export async function storageCeiling(url: string, clients: number, seconds: number): Promise<StorageCeiling> {
  const pool = new Pool({ connectionString: url, max: clients });
  const table = `bench_rmw_${randomBytes(3).toString('hex')}`;
  const release = defer(async () => {
    await pool.query(`drop table if exists ${table}`);
    await pool.end();
  });
  try {
    await pool.query(`create table ${table} (id integer primary key, counter integer not null, data jsonb not null)`);
    await pool.query(`insert into ${table} select i, 0, '{}'::jsonb from generate_series(1, 1000) i`);
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    const counts = await Promise.all(
      Array.from({ length: clients }, async () => {
        const client = await pool.connect();
        let count = 0;
        try {
          while (performance.now() < until) {
            const id = 1 + Math.floor(Math.random() * 1000);
            await client.query('begin');
            const { rows } = await client.query<{ counter: number }>(`select counter from ${table} where id = $1 for update`, [id]);
            await client.query(`update ${table} set counter = $2, data = $3 where id = $1`, [id, (rows[0]?.counter ?? 0) + 1, { at: Date.now() }]);
            await client.query('commit');
            count++;
          }
        } finally {
          client.release();
        }
        return count;
      }),
    );
    const transactions = counts.reduce((sum, n) => sum + n, 0);
    return { clients, transactions, perSecond: transactions / ((performance.now() - started) / 1000) };
  } finally {
    await release();
  }
}

/** Runs `task(0 … count-1)` with at most `width` running at once. */
export async function inParallel(count: number, width: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}
