// Handoff records folded from one batch's effects: several changes to one conversation in one
// statement land as running them one by one would (the CTE parts cannot see each other's rows).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { agentProfiles, contacts, conversations, handoffRecords, users } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { PendingWrites, writeRecorded } from '../runtime/record';
import { testDatabase, type TestDatabase } from '../testing/database';

const T = (seconds: number) => new Date(Date.parse('2026-03-02T03:00:00Z') + seconds * 1000);
const base = { node: 'agent', skills: [], priority: 0 };

describe('handoff records from a batch (pglite)', () => {
  let database: TestDatabase;
  let conversationId: string;
  let contactId: string;
  const agent = 'agent-1';
  const step = (seconds: number) => ({ conversationId, contactId, channel: 'webchat' as const, at: T(seconds) });
  const write = async (fill: (writes: PendingWrites) => void) => {
    const writes = new PendingWrites();
    fill(writes);
    await writeRecorded(database.db, writes, []);
  };
  const records = () => database.db.select().from(handoffRecords).where(eq(handoffRecords.conversationId, conversationId)).orderBy(handoffRecords.id);

  beforeAll(async () => {
    database = await testDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.reset();
    const flow = { format: FLOW_FORMAT, id: 'f', name: 'F', nodes: [{ id: 'start', type: 'start', data: {} }], edges: [] };
    await createFlow(database.db, { id: 'f', name: 'F', content: readFlowDocument(flow) }, null);
    await database.db.insert(users).values({ id: agent, name: 'Agent', email: 'agent@example.com', role: 'agent' });
    await database.db.insert(agentProfiles).values({ userId: agent, capacity: { webchat: 3 }, idleSince: T(-600) });
    const [contact] = await database.db.insert(contacts).values({ name: 'C' }).returning();
    contactId = contact?.id ?? '';
    conversationId = randomUUID();
    await database.db.insert(conversations).values({ id: conversationId, contactId, flowId: 'f', flowVersion: 1, channel: 'webchat', status: 'handoff' });
  });

  it('queued, accepted, replied and closed in one batch make one finished record', async () => {
    await write((w) => {
      w.handoffs.note(step(0), { type: 'handoff.queued', queue: 'billing', ...base, summary: 'Refund', wantsPosition: true });
      w.handoffs.note(step(10), { type: 'handoff.accepted', queue: 'billing', ...base, agent });
      w.handoffs.replied(conversationId, T(25));
      w.handoffs.note(step(70), { type: 'handoff.closed', queue: 'billing', ...base, agent, reason: 'resolved' });
    });
    expect(await records()).toEqual([
      expect.objectContaining({ status: 'resolved', queue: 'billing', summary: 'Refund', agentId: agent, firstResponseSeconds: 25, handleSeconds: 60, wantsPosition: true, closedAt: T(70) }),
    ]);
  });

  it('changes across batches update the open record; a name that is no user leaves the agent empty', async () => {
    await write((w) => w.handoffs.note(step(0), { type: 'handoff.queued', queue: 'billing', ...base }));
    await write((w) => w.handoffs.note(step(5), { type: 'handoff.accepted', queue: 'billing', ...base, agent: 'Dao' }));
    expect(await records()).toEqual([expect.objectContaining({ status: 'assigned', agentId: null, assignedAt: T(5) })]);
    await write((w) => {
      w.handoffs.note(step(8), { type: 'handoff.transferred', queue: 'fraud', ...base, skills: ['fraud'] });
      w.handoffs.note(step(9), { type: 'handoff.accepted', queue: 'fraud', ...base, skills: ['fraud'], agent });
    });
    expect(await records()).toEqual([expect.objectContaining({ status: 'assigned', queue: 'fraud', skills: ['fraud'], agentId: agent, transfers: 1, waitingSince: T(8), assignedAt: T(5) })]);
    await write((w) => {
      w.handoffs.replied(conversationId, T(12));
      w.handoffs.note(step(30), { type: 'handoff.closed', queue: 'fraud', ...base, reason: 'abandoned' });
    });
    expect(await records()).toEqual([expect.objectContaining({ status: 'abandoned', firstResponseSeconds: 12, handleSeconds: 25 })]);
    // The agent is idle from the moment their conversation closed.
    const [profile] = await database.db.select().from(agentProfiles);
    expect(profile?.idleSince).toEqual(T(30));
  });

  it('closes the open record and opens the next when a batch leaves one handoff and enters another', async () => {
    await write((w) => w.handoffs.note(step(0), { type: 'handoff.queued', queue: 'billing', ...base }));
    await write((w) => {
      w.handoffs.note(step(40), { type: 'handoff.closed', queue: 'billing', ...base, reason: 'timeout' });
      w.handoffs.note(step(41), { type: 'handoff.queued', queue: 'callback', ...base, priority: 3 });
    });
    expect(await records()).toEqual([
      expect.objectContaining({ queue: 'billing', status: 'timeout', closedAt: T(40), handleSeconds: null }),
      expect.objectContaining({ queue: 'callback', status: 'waiting', priority: 3, queuedAt: T(41) }),
    ]);
  });
});
