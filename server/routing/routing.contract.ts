// Routing with the runtime on a real database: flows hand off, rounds assign by the rules,
// resolving frees capacity, max wait overflows, a customer who leaves is abandoned, figures,
// and who may see and do what.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseKind } from '../testing/database';
import { messages, users } from '../db/schema';
import { upsertQueue, type QueueInput } from './queues';
import { claimConversation, resolveConversation, setPresence, transferConversation } from './actions';
import { assertCanSeeConversation, canReadTranscripts, visibleQueues } from './access';
import { agentState, updateAgent } from './agents';
import { expectUserError } from './expectUserError';
import { assignedConversations, queueFigures, waitingConversations } from './lists';
import { startRouting, type RoutingHarness } from './routingHarness';

export function describeRoutingContract(kind: DatabaseKind): void {
describe(`routing with the runtime (${kind})`, () => {
  let h: RoutingHarness;
  beforeAll(async () => {
    h = await startRouting(kind);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
  });

  it('assigns by the rules, resolving frees capacity and the next waiting one is assigned', async () => {
    await upsertQueue(h.services.db, { id: 'billing', name: 'Billing', requiredSkills: [{ skill: 'billing', minLevel: 2 }], priority: 0, hours: null, whenClosed: 'stay', maxWaitSeconds: null, overflowQueue: null });
    const dao = await h.makeAgent('Dao', { skills: [{ skill: 'billing', level: 3 }], capacity: { api: 1 } });
    const novice = await h.makeAgent('Novice', { skills: [{ skill: 'billing', level: 1 }], capacity: { api: 5 } });
    await setPresence(h.services, novice, 'available');

    const first = await h.queueCustomer('cust-1', 'billing');
    h.advance(1_000);
    const second = await h.queueCustomer('cust-2', 'billing');
    // Nobody qualified is available: the novice lacks billing level 2.
    expect((await h.recordOf(first)).status).toBe('waiting');
    expect((await waitingConversations(h.services.db, { queues: 'all' })).map((w) => [w.conversationId, w.position])).toEqual([
      [first, 1],
      [second, 2],
    ]);

    h.advance(10_000);
    await setPresence(h.services, dao, 'available');
    await h.settle();
    // The longest waiting goes to Dao, whose one API slot is then full.
    expect(await h.handoffOf(first)).toMatchObject({ status: 'accepted', agent: dao });
    expect(await h.recordOf(first)).toMatchObject({ status: 'assigned', agentId: dao });
    expect((await h.recordOf(second)).status).toBe('waiting');
    expect((await assignedConversations(h.services.db, dao)).map((a) => a.conversationId)).toEqual([first]);

    h.advance(20_000);
    await h.services.runtime.agent(first, { action: 'reply', text: 'Hello, Dao here', agent: dao });
    await h.settle();
    h.advance(60_000);
    await resolveConversation(h.services, dao, first, 'refund-issued');
    await h.settle();

    const closed = await h.recordOf(first);
    expect(closed).toMatchObject({ status: 'resolved', disposition: 'refund-issued', firstResponseSeconds: 31, handleSeconds: 80 });
    // The freed slot takes the next one at once.
    expect(await h.recordOf(second)).toMatchObject({ status: 'assigned', agentId: dao });
    expect(await h.handoffOf(second)).toMatchObject({ status: 'accepted', agent: dao });
  });

  it('overflows to the overflow queue after the max wait, and the new queue assigns it', async () => {
    await upsertQueue(h.services.db, queue({ id: 'billing', requiredSkills: [{ skill: 'billing', minLevel: 1 }], maxWaitSeconds: 120, overflowQueue: 'general' }));
    const generalist = await h.makeAgent('Gen', { skills: [{ skill: 'general', level: 1 }], capacity: { api: 2 } });
    await setPresence(h.services, generalist, 'available');
    const id = await h.queueCustomer('cust-o', 'billing');
    h.advance(119_000);
    await h.services.routing.round();
    await h.settle();
    expect(await h.recordOf(id)).toMatchObject({ status: 'waiting', queue: 'billing', transfers: 0 });
    h.advance(1_000);
    await h.services.routing.round();
    await h.settle();
    // Transferred by the flow's own AGENT_TRANSFER: the snapshot and the record agree, and the
    // generalist (no billing skill) serves the unconfigured general queue.
    expect(await h.recordOf(id)).toMatchObject({ status: 'assigned', queue: 'general', transfers: 1, agentId: generalist });
    expect(await h.handoffOf(id)).toMatchObject({ queue: 'general', status: 'accepted', agent: generalist });
  });

  it('keeps waiting in a closed queue (no assignment) or overflows when the queue says so', async () => {
    // 03:00Z is 10:00 in Bangkok on a Monday; the queue opens 13:00-17:00.
    const hours = { timezone: 'Asia/Bangkok', weekly: [{ day: 'mon' as const, open: '13:00', close: '17:00' }] };
    await upsertQueue(h.services.db, queue({ id: 'billing', hours, whenClosed: 'stay' }));
    await upsertQueue(h.services.db, queue({ id: 'fraud', hours, whenClosed: 'overflow', overflowQueue: 'general' }));
    const agent = await h.makeAgent('Any', { skills: [{ skill: 'fraud', level: 1 }], capacity: { api: 0 } });
    await setPresence(h.services, agent, 'available');
    const stays = await h.queueCustomer('cust-c1', 'billing');
    const moves = await h.queueCustomer('cust-c2', 'fraud');
    expect(await h.recordOf(stays)).toMatchObject({ status: 'waiting', queue: 'billing' });
    expect(await h.recordOf(moves)).toMatchObject({ status: 'waiting', queue: 'general', transfers: 1 });
    // Opening time: both are assigned once there are slots (the fraud one, priority 5, first).
    await updateAgent(h.services.db, { userId: agent, capacity: { api: 2 } });
    h.advance(3 * 3_600_000);
    await h.services.routing.round();
    await h.settle();
    expect(await h.recordOf(stays)).toMatchObject({ status: 'assigned', agentId: agent });
  });

  it('marks a customer who hangs up abandoned, out of the queue, and frees the agent', async () => {
    const agent = await h.makeAgent('Ann', { skills: [], capacity: { api: 1 } });
    await setPresence(h.services, agent, 'available');
    const talking = await h.queueCustomer('cust-a1', 'general');
    const waiting = await h.queueCustomer('cust-a2', 'general');
    expect(await h.recordOf(talking)).toMatchObject({ status: 'assigned', agentId: agent });
    expect((await waitingConversations(h.services.db, { queues: ['general'] })).map((w) => w.conversationId)).toEqual([waiting]);

    await h.services.runtime.ingest({ channel: 'api', from: 'cust-a2', hangup: true });
    await h.settle();
    expect(await h.recordOf(waiting)).toMatchObject({ status: 'abandoned' });
    expect(await waitingConversations(h.services.db, { queues: 'all' })).toEqual([]);

    h.advance(5_000);
    await h.services.runtime.ingest({ channel: 'api', from: 'cust-a1', hangup: true });
    await h.settle();
    expect(await h.recordOf(talking)).toMatchObject({ status: 'abandoned', handleSeconds: 5 });
    expect((await agentState(h.services.db, agent)).load).toEqual({});
  });

  it('reports figures per queue: waiting, longest wait, available agents who serve it', async () => {
    await upsertQueue(h.services.db, queue({ id: 'fraud', name: 'Fraud', requiredSkills: [{ skill: 'fraud', minLevel: 2 }] }));
    const expert = await h.makeAgent('Expert', { skills: [{ skill: 'fraud', level: 3 }], capacity: { api: 0 } });
    const junior = await h.makeAgent('Junior', { skills: [{ skill: 'fraud', level: 1 }], capacity: { api: 0 } });
    await setPresence(h.services, expert, 'available');
    await setPresence(h.services, junior, 'available');
    await h.queueCustomer('cust-f1', 'fraud');
    h.advance(30_000);
    await h.queueCustomer('cust-f2', 'fraud');
    await h.queueCustomer('cust-g1', 'general');
    h.advance(15_000);
    const figures = await queueFigures(h.services.db, h.now());
    expect(figures).toEqual([
      { queue: 'fraud', name: 'Fraud', waiting: 2, longestWaitSeconds: 45, agentsAvailable: 1, assigned: 0 },
      { queue: 'general', name: 'general', waiting: 1, longestWaitSeconds: 15, agentsAvailable: 2, assigned: 0 },
    ]);
  });

  it('lets agents see only the queues they serve; designers read transcripts only when granted', async () => {
    await upsertQueue(h.services.db, queue({ id: 'fraud', requiredSkills: [{ skill: 'fraud', minLevel: 2 }] }));
    await upsertQueue(h.services.db, queue({ id: 'billing', requiredSkills: [{ skill: 'billing', minLevel: 1 }] }));
    const biller = await h.makeAgent('Biller', { skills: [{ skill: 'billing', level: 2 }], capacity: { api: 1 } });
    const designer = await h.makeUser('Desi', 'designer');
    const admin = await h.makeUser('Ad', 'admin');
    const viewer = await h.makeUser('View', 'viewer');
    const fraudCase = await h.queueCustomer('cust-v1', 'fraud');
    await h.queueCustomer('cust-v2', 'general');

    expect(await visibleQueues(h.services.db, { id: biller, role: 'agent' })).toEqual({ all: false, queues: ['billing', 'general'] });
    expect(await visibleQueues(h.services.db, { id: admin, role: 'admin' })).toEqual({ all: true });
    expect(await visibleQueues(h.services.db, { id: viewer, role: 'viewer' })).toEqual({ all: false, queues: [] });
    await expectUserError(assertCanSeeConversation(h.services.db, { id: biller, role: 'agent' }, fraudCase), 'forbidden');
    await assertCanSeeConversation(h.services.db, { id: admin, role: 'admin' }, fraudCase);

    expect(await canReadTranscripts(h.services.db, { id: designer, role: 'designer' })).toBe(false);
    expect(await visibleQueues(h.services.db, { id: designer, role: 'designer' })).toEqual({ all: false, queues: [] });
    await updateAgent(h.services.db, { userId: designer, readTranscripts: true });
    expect(await canReadTranscripts(h.services.db, { id: designer, role: 'designer' })).toBe(true);
    expect(await canReadTranscripts(h.services.db, { id: viewer, role: 'viewer' })).toBe(false);

    // Taking work: the skills and a free slot are required; only the assigned agent or an admin resolves.
    await expectUserError(claimConversation(h.services, biller, fraudCase), 'forbidden');
    await expectUserError(resolveConversation(h.services, biller, fraudCase, 'done'), 'forbidden');
  });

  it("tells 'routing' subscribers when presence, the waiting list or assignments change", async () => {
    let told = 0;
    const unsubscribe = h.services.runtime.notifier.subscribe('routing', () => {
      told += 1;
    });
    try {
      const agent = await h.makeAgent('Nia', { skills: [], capacity: { api: 1 } });
      await setPresence(h.services, agent, 'available');
      expect(told).toBeGreaterThan(0);
      told = 0;
      await h.queueCustomer('cust-n1', 'general');
      expect(told).toBeGreaterThan(0);
      told = 0;
      await setPresence(h.services, agent, 'available');
      expect(told).toBe(0);
    } finally {
      unsubscribe();
    }
  });

  it('routes only to users whose role is agent', async () => {
    const designer = await h.makeUser('Desi', 'designer');
    await updateAgent(h.services.db, { userId: designer, capacity: { api: 3 }, readTranscripts: true });
    await setPresence(h.services, designer, 'available');
    const id = await h.queueCustomer('cust-r1', 'general');
    expect((await h.recordOf(id)).status).toBe('waiting');
    expect((await queueFigures(h.services.db, h.now()))[0]).toMatchObject({ queue: 'general', agentsAvailable: 0 });
  });

  it('lets an agent claim a waiting conversation and transfer it to a queue or another agent', async () => {
    const first = await h.makeAgent('First', { skills: [], capacity: { api: 1 } });
    const second = await h.makeAgent('Second', { skills: [], capacity: { api: 1 } });
    const id = await h.queueCustomer('cust-t1', 'general');
    const other = await h.queueCustomer('cust-t2', 'general');
    // Offline agents are not routed to, but may take work themselves.
    await claimConversation(h.services, first, id);
    await h.settle();
    expect(await h.handoffOf(id)).toMatchObject({ status: 'accepted', agent: first });
    await expectUserError(claimConversation(h.services, first, other), 'precondition');
    await expectUserError(claimConversation(h.services, second, id), 'precondition');

    await transferConversation(h.services, first, id, { agentId: second });
    await h.settle();
    expect(await h.recordOf(id)).toMatchObject({ status: 'assigned', agentId: second });
    expect((await agentState(h.services.db, first)).load).toEqual({});

    await transferConversation(h.services, second, id, { queue: 'billing' });
    await h.settle();
    expect(await h.recordOf(id)).toMatchObject({ status: 'waiting', queue: 'billing', agentId: null, transfers: 1 });
    expect(await h.handoffOf(id)).toMatchObject({ status: 'queued', queue: 'billing' });
  });

  it('lets an agent no admin has set up yet claim with the default capacity the desktop shows', async () => {
    const id = await h.queueCustomer('cust-fresh', 'general');
    const fresh = 'fresh-agent';
    await h.services.db.insert(users).values({ id: fresh, name: 'Fresh', email: 'fresh@example.com', role: 'agent' });
    expect((await agentState(h.services.db, fresh)).capacity.api).toBeGreaterThan(0);
    await claimConversation(h.services, fresh, id);
    await h.settle();
    expect(await h.handoffOf(id)).toMatchObject({ status: 'accepted', agent: fresh });
  });

  it('tells waiting customers their place and estimated wait, again when it changed and a minute passed', async () => {
    const a = await h.queueCustomer('cust-p1', 'billing');
    const b = await h.queueCustomer('cust-p2', 'billing');
    const position = (texts: string[]) => texts.filter((text) => text.startsWith('You are number'));
    // No history: five minutes a conversation, one agent assumed.
    expect(position(await botTexts(h, a))).toEqual(['You are number 1 in line, about 5 min.']);
    expect(position(await botTexts(h, b))).toEqual(['You are number 2 in line, about 10 min.']);

    const agent = await h.makeAgent('Pat', { skills: [], capacity: { api: 1 } });
    await setPresence(h.services, agent, 'available');
    await h.settle();
    expect((await h.recordOf(a)).status).toBe('assigned');
    // b is now first, but was told less than a minute ago.
    expect(position(await botTexts(h, b))).toHaveLength(1);
    h.advance(60_000);
    await h.services.routing.round();
    await h.settle();
    expect(position(await botTexts(h, b))).toEqual(['You are number 2 in line, about 10 min.', 'You are number 1 in line, about 5 min.']);
    // The general queue's node has no positionText: nobody there is told anything.
    const c = await h.queueCustomer('cust-p3', 'general');
    expect(position(await botTexts(h, c))).toEqual([]);
  });
});
}

async function botTexts(h: RoutingHarness, conversationId: string): Promise<string[]> {
  const rows = await h.services.db.select({ text: messages.text }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.author, 'bot'))).orderBy(messages.position);
  return rows.map((row) => row.text ?? '');
}

function queue(fields: Partial<QueueInput> & { id: string }): QueueInput {
  return { name: fields.id, requiredSkills: [], priority: 0, hours: null, whenClosed: 'stay', maxWaitSeconds: null, overflowQueue: null, ...fields };
}
