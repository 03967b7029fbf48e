import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminQuery as admin, testPostgresUrl, withDatabase } from '../testing/templates';
import { migrationsFolder, openDatabase } from './client';

const name = `switchboard_migrate_${randomBytes(6).toString('hex')}`;


describe('migrations on an empty PostgreSQL', () => {
  afterAll(() => admin(`drop database if exists "${name}" with (force)`));

  it('create every table, and running them again (even concurrently) changes nothing', async () => {
    await admin(`create database "${name}"`);
    const url = withDatabase(testPostgresUrl(), name);
    const workers = await Promise.all([openDatabase({ url, poolSize: 1 }), openDatabase({ url, poolSize: 1 })]);
    await Promise.all(workers.map((worker) => worker.migrate()));
    await workers[0]?.migrate();
    const db = workers[0]?.db;
    if (!db) throw new Error('no database');
    const tables = z
      .object({ rows: z.array(z.object({ tablename: z.string() })) })
      .parse(await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`));
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(['flows', 'drafts', 'flow_versions', 'users', 'sessions', 'conversations', 'events', 'messages', 'outbox', 'timers', 'api_keys']),
    );
    const applied = z
      .object({ rows: z.array(z.object({ n: z.coerce.number() })) })
      .parse(await db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`));
    expect(applied.rows[0]?.n).toBe(migrationCount());
    await Promise.all(workers.map((worker) => worker.close()));
  });
});

function migrationCount(): number {
  const journal = z
    .object({ entries: z.array(z.object({ tag: z.string() })) })
    .parse(JSON.parse(readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')));
  return journal.entries.length;
}
