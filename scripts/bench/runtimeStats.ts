// What the runtime benchmark reads back from the scratch database: how many transactions
// applied the events of a phase, and how long events waited before one began applying them.
import { and, count, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client';
import { events } from '../../server/db/schema';
import type { Phase } from './load';

export interface Measured extends Phase {
  /** Transactions that applied the phase's events (more events than runs: several per run). */
  runs: number;
}

/** Runs a phase and counts the transactions that applied events meanwhile. */
export async function measured(db: Database, phase: () => Promise<Phase>): Promise<Measured> {
  const before = await appliedRuns(db);
  const result = await phase();
  const after = await appliedRuns(db);
  return { ...result, runs: after - before };
}

/**
 * Transactions that have applied events so far: the processor stamps `applied_at = now()`, and
 * now() is the transaction's start (microseconds), so one applied_at is one transaction, which
 * may apply the events of several conversations (group commit).
 */
async function appliedRuns(db: Database): Promise<number> {
  const [row] = await db
    .select({ runs: sql<number>`count(distinct ${events.appliedAt})`.mapWith(Number) })
    .from(events)
    .where(isNotNull(events.appliedAt));
  return row?.runs ?? 0;
}

/** p50/p99 of received_at → applied_at for customer events received since `since`: ingest, queue and pickup. */
export async function ingestToApply(db: Database, since: Date): Promise<{ p50: number; p99: number; events: number }> {
  const waited = sql`extract(epoch from ${events.appliedAt} - ${events.receivedAt}) * 1000`;
  const [row] = await db
    .select({
      p50: sql<number>`percentile_cont(0.5) within group (order by ${waited})`.mapWith(Number),
      p99: sql<number>`percentile_cont(0.99) within group (order by ${waited})`.mapWith(Number),
      events: count(),
    })
    .from(events)
    .where(and(eq(events.type, 'CUSTOMER'), gte(events.receivedAt, since), isNotNull(events.appliedAt)));
  return row ?? { p50: Number.NaN, p99: Number.NaN, events: 0 };
}
