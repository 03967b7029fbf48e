// Migrated template databases, made once per test run: creating and migrating a PGlite takes
// seconds, so test files load a dump of one instead, and PostgreSQL test databases are copies
// of a migrated template database.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { migrationsFolder, openDatabase } from '../db/client';

/** The PostgreSQL the tests use: TEST_DATABASE_URL, or the local server's `test` database. */
export function testPostgresUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** A short hash of the migrations, so a schema change makes new templates. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const dir = migrationsFolder();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Writes a dump of a freshly migrated PGlite and returns its path. */
export async function createPgliteTemplate(): Promise<string> {
  const file = path.join(tmpdir(), `switchboard-pglite-${migrationsHash()}.tar`);
  const client = await PGlite.create();
  const database = await openDatabase({ pglite: client });
  await database.migrate();
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return file;
}

/** Makes (once per schema) a migrated template database on the test PostgreSQL; returns its name. */
export async function createPostgresTemplate(): Promise<string> {
  const name = `switchboard_template_${migrationsHash()}`;
  const admin = new Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"`);
    const database = await openDatabase({ url: withDatabase(testPostgresUrl(), building), poolSize: 1 });
    await database.migrate();
    await database.close();
    // Renamed only when complete, so an interrupted run never leaves a half-migrated template.
    await admin.query(`alter database "${building}" rename to "${name}"`);
    return name;
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Runs one statement on the server's admin connection (creating or dropping databases). */
export async function adminQuery(statement: string, url = testPostgresUrl()): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
