// Routing on PostgreSQL: the same scenarios as on PGlite, and rounds from two processes (two
// connection pools) at once never hand out more slots than agents have.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { handoffRecords } from '../db/schema';
import { setPresence } from './actions';
import { describeRoutingContract } from './routing.contract';
import { routingRound } from './round';
import { startRouting, type RoutingHarness } from './routingHarness';

describeRoutingContract('postgres');

describe('routing rounds in several processes (postgres)', () => {
  let h: RoutingHarness;
  let other: DatabaseHandle;
  beforeAll(async () => {
    h = await startRouting('postgres');
    await h.reset();
    if (!h.database.url) throw new Error('postgres test database without a url');
    other = await openDatabase({ url: h.database.url, poolSize: 4 });
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  it('two rounds at once assign each free slot once', async () => {
    // Agents offline while customers queue, so no round assigns before the race.
    const agents = await Promise.all(['A', 'B', 'C'].map((name) => h.makeAgent(name, { skills: [], capacity: { api: 2 } })));
    for (let i = 0; i < 10; i++) await h.queueCustomer(`race-${i}`, 'general');
    h.services.routing.stop();
    for (const agent of agents) await setPresence(h.services, agent, 'available');
    await h.settle();
    await h.services.database.db.execute(sql`update handoff_records set status = 'waiting', agent_id = null, assigned_at = null`);

    const rounds = await Promise.all([routingRound(h.services.db, h.now()), routingRound(other.db, h.now()), routingRound(other.db, h.now())]);
    const assigned = rounds.flatMap((round) => round.assigned);
    expect(assigned).toHaveLength(6);
    expect(new Set(assigned.map((a) => a.conversationId)).size).toBe(6);
    const rows = await h.services.db.select({ agentId: handoffRecords.agentId }).from(handoffRecords).where(sql`${handoffRecords.status} = 'assigned'`);
    const perAgent = new Map<string, number>();
    for (const row of rows) if (row.agentId) perAgent.set(row.agentId, (perAgent.get(row.agentId) ?? 0) + 1);
    expect([...perAgent.values()]).toEqual([2, 2, 2]);
  });
});
