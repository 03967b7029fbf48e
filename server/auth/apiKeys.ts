// API keys for machine clients (the ingest API): random, shown once, stored as a sha256 hash.
// A hash (not a slow password hash) is right here: the key is 32 random bytes, so there is
// nothing to guess, and every ingest request has to check one quickly.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiKeys, type ApiKeyRow } from '../db/schema';
import { notFound } from '../errors';

const KEY_PREFIX = 'sb_';

export type ApiKeySummary = Omit<ApiKeyRow, 'hash'>;

/** Creates a key; the returned `key` is the only time anyone sees it. */
export async function createApiKey(
  db: Database,
  name: string,
  userId: string | null,
): Promise<{ key: string; apiKey: ApiKeySummary }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name, prefix: key.slice(0, KEY_PREFIX.length + 6), hash: hashKey(key), createdBy: userId })
    .returning();
  if (!row) throw new Error('the API key was not inserted');
  return { key, apiKey: summary(row) };
}

/** The key's record when it is known and not revoked; marks it used. */
export async function verifyApiKey(db: Database, key: string): Promise<ApiKeySummary | undefined> {
  if (!key.startsWith(KEY_PREFIX)) return undefined;
  const [row] = await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.hash, hashKey(key)), isNull(apiKeys.revokedAt)))
    .returning();
  return row ? summary(row) : undefined;
}

export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(summary);
}

/** Revokes a key; revoking it again keeps the first date. */
export async function revokeApiKey(db: Database, id: string): Promise<ApiKeySummary> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, id))
    .returning();
  if (!row) throw notFound(`There is no API key ${id}.`);
  return summary(row);
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function summary(row: ApiKeyRow): ApiKeySummary {
  const { hash: _hash, ...rest } = row;
  return rest;
}
