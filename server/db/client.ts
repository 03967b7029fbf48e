// The one database client: embedded PGlite when DATABASE_URL is unset, a node-postgres pool
// when it is set. Both speak the same SQL (PostgreSQL 15 and up).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { Client, Pool } from 'pg';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a data directory, `memory` or the server's address. */
  location: string;
  /** Applies the migrations in drizzle/ that have not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; defaults to DATABASE_URL. */
  url?: string;
  /** PGlite data directory; `memory` keeps everything in memory. Defaults to `.data/pglite`. */
  dataDir?: string;
  /** An already-created PGlite (tests load one from a migrated template). */
  pglite?: PGlite;
  /** Connections in the pool. */
  poolSize?: number;
}

export const DEFAULT_DATA_DIR = path.join('.data', 'pglite');

/** Opens the database the environment asks for. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (options.pglite) return wrapPglite(options.pglite, 'memory');
  if (url) return openPostgres(url, options.poolSize ?? 10);
  const dataDir = options.dataDir ?? process.env.PGLITE_DATA_DIR ?? DEFAULT_DATA_DIR;
  if (dataDir === 'memory') return wrapPglite(await PGlite.create(), 'memory');
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    return wrapPglite(await PGlite.create({ dataDir }), dataDir, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** The folder drizzle-kit writes migrations into. */
export function migrationsFolder(): string {
  // Read at run time from the working directory; the comment keeps Next's bundler from
  // tracing the whole project into the server output because of a computed path.
  return path.join(/*turbopackIgnore: true*/ process.cwd(), process.env.MIGRATIONS_DIR ?? 'drizzle');
}

function wrapPglite(client: PGlite, location: string, unlock: () => void = () => undefined): DatabaseHandle {
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'pglite',
    location,
    // One process owns a PGlite directory, so nothing else can migrate at the same time.
    migrate: () => migratePglite(db, { migrationsFolder: migrationsFolder() }),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

function openPostgres(url: string, max: number): DatabaseHandle {
  const pool = new Pool({ connectionString: url, max });
  let closing = false;
  // An idle client losing its connection must not crash the process; the pool replaces it.
  // Once the pool is closing, connections ending is what was asked for.
  pool.on('error', (error) => {
    if (!closing) console.error(`PostgreSQL connection error: ${error.message}`);
  });
  const db: Database = drizzlePostgres({ client: pool, schema });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    migrate: () => migratePostgresLocked(url),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/** Several workers may start at once: an advisory lock lets one migrate while the others wait. */
async function migratePostgresLocked(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: migrationsFolder() });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

const MIGRATION_LOCK = 7_240_318;

/** The address without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'PostgreSQL';
  }
}
