// Storage benchmark: get and saveDraft of a 1,000-node flow through the real API (HTTP, tRPC,
// session cookie) on PostgreSQL, beside the same calls made in-process and on PGlite, so the
// cost of each layer shows in one run.
import { randomBytes } from 'node:crypto';
import { createApiHandler } from '../../server/api/handler';
import { createUser } from '../../server/auth/users';
import { openDatabase, type DatabaseHandle } from '../../server/db/client';
import { getFlow, saveDraft } from '../../server/flows/flowStore';
import { importFlow } from '../../server/flows/transfer';
import { serveFetch } from '../../server/http/serveFetch';
import { createServices } from '../../server/services';
import { apiClient, signIn } from '../../server/testing/apiClient';
import { adminQuery, withDatabase } from '../../server/testing/templates';
import { generateFlow } from './generateFlow';

const TARGET_P50_MS = 20;
const RUNS = 200;
const WARMUP = 20;

interface Op {
  get(): Promise<unknown>;
  save(revision: number): Promise<number>;
}

export async function benchStorage(): Promise<void> {
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  console.log(`Storage: a 1,000-node flow (${RUNS} calls after ${WARMUP} warm-up; p50 / p99)`);
  console.log('  database     path                get p50    get p99   save p50   save p99');
  const database = await scratchPostgres(postgresUrl);
  try {
    const http = await overHttp(database.handle);
    try {
      const httpRow = await report('postgres', 'HTTP + tRPC + auth', http.op);
      await report('postgres', 'in-process', direct(database.handle));
      const pglite = await openDatabase({ dataDir: 'memory' });
      await pglite.migrate();
      await report('pglite', 'in-process', direct(pglite));
      await pglite.close();
      console.log(
        `  target: p50 under ${TARGET_P50_MS} ms over HTTP on PostgreSQL — get ${ratio(TARGET_P50_MS, httpRow.get)}, save ${ratio(TARGET_P50_MS, httpRow.save)} headroom`,
      );
    } finally {
      await http.close();
    }
  } finally {
    await database.drop();
  }
}

async function report(db: string, path: string, op: Op): Promise<{ get: number; save: number }> {
  const gets = await sample(() => op.get());
  let revision = 1;
  const saves = await sample(async () => {
    revision = await op.save(revision);
  });
  const row = { get: percentile(gets, 0.5), save: percentile(saves, 0.5) };
  console.log(
    `  ${db.padEnd(11)}  ${path.padEnd(18)} ${ms(row.get)} ${ms(percentile(gets, 0.99))} ${ms(row.save)} ${ms(percentile(saves, 0.99))}`,
  );
  return row;
}

/** Service calls without HTTP: what the database and the document parsing cost. */
function direct(database: DatabaseHandle): Op {
  const id = `bench-${randomBytes(3).toString('hex')}`;
  const doc = { ...generateFlow(1_000), id };
  let created: Promise<unknown> | undefined;
  const ready = () => (created ??= importFlow(database.db, { document: doc, allowErrors: true }, null));
  return {
    get: async () => {
      await ready();
      return getFlow(database.db, id);
    },
    save: async (revision) => {
      await ready();
      return (await saveDraft(database.db, { id, revision, content: doc }, null)).revision;
    },
  };
}

async function overHttp(database: DatabaseHandle): Promise<{ op: Op; close(): Promise<void> }> {
  // No worker: nothing here runs conversations, and a worker's sweeps and routing rounds would
  // share the machine with what is measured.
  const services = await createServices(database, { worker: false });
  const server = await serveFetch(createApiHandler(services));
  const password = 'benchmark password';
  await createUser(services.auth, services.db, { email: 'bench@example.com', name: 'Bench', password, role: 'designer' });
  const client = apiClient(server.url, await signIn(server.url, 'bench@example.com', password));
  const doc = { ...generateFlow(1_000), id: 'bench-http' };
  await client.flows.import.mutate({ document: doc, allowErrors: true });
  return {
    op: {
      get: () => client.flows.get.query({ id: 'bench-http' }),
      save: async (revision) => (await client.flows.saveDraft.mutate({ id: 'bench-http', revision, content: doc })).revision,
    },
    close: async () => {
      await server.close();
      await services.close();
    },
  };
}

/** A new, migrated database on the server at `url`; `drop()` closes and removes it. */
export async function scratchPostgres(url: string, poolSize?: number): Promise<{ handle: DatabaseHandle; url: string; drop(): Promise<void> }> {
  const name = `switchboard_bench_${randomBytes(4).toString('hex')}`;
  const drop = () => adminQuery(`drop database if exists "${name}" with (force)`, url);
  await adminQuery(`create database "${name}"`, url);
  const scratchUrl = withDatabase(url, name);
  const handle = await openDatabase({ url: scratchUrl, poolSize });
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    await drop();
    throw error;
  }
  return {
    handle,
    url: scratchUrl,
    drop: async () => {
      await handle.close().catch(() => undefined);
      await drop();
    },
  };
}

async function sample(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    await run();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1).padStart(7)} ms`.padStart(10);
}

function ratio(target: number, actual: number): string {
  return `${(target / actual).toFixed(1)}×`;
}
