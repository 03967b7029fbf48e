// A database for one test file: PGlite loaded from the migrated dump, or a PostgreSQL database
// copied from the migrated template. `reset()` empties every table between tests.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { z } from 'zod';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { adminQuery, testPostgresUrl, withDatabase } from './templates';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase extends DatabaseHandle {
  reset(): Promise<void>;
  /** PostgreSQL only: where other processes (workers a test starts) find it. */
  url?: string;
}

export async function testDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const handle = kind === 'pglite' ? await pgliteCopy() : await postgresCopy();
  return { ...handle, reset: () => truncateAll(handle) };
}

async function pgliteCopy(): Promise<DatabaseHandle> {
  const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ pglite: await PGlite.create({ loadDataDir: dump }) });
}

async function postgresCopy(): Promise<DatabaseHandle & { url: string }> {
  const name = `switchboard_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database "${name}" template "${inject('postgresTemplate')}"`);
  const url = withDatabase(testPostgresUrl(), name);
  const handle = await openDatabase({ url, poolSize: 10 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}


async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const result = TableList.parse(await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public'`));
  const tables = result.rows.map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
}

const TableList = z.object({ rows: z.array(z.object({ tablename: z.string() })) });
