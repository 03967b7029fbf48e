// Routing with the runtime on a real database: flows hand off, rounds assign by the rules,
// resolving frees capacity, max wait overflows, a customer who leaves is abandoned, figures,
// and who may see and do what.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertQueue } from './queues';
import { resolveConversation, setPresence } from './actions';
import { assignedConversations, queueFigures, waitingConversations } from './lists';
import { startRouting, type RoutingHarness } from './routingHarness';

describe('routing with the runtime (pglite)', () => {
  let h: RoutingHarness;
  beforeAll(async () => {
    h = await startRouting('pglite');
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
});
