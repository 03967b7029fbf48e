// The routing.* tRPC procedures over HTTP: admins manage agents and queues, others are refused,
// bad input names the field and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, startApi, type ApiHarness } from '../testing/apiHarness';
import type { ApiClient } from '../testing/apiClient';
import { expectTrpcError } from '../testing/expectError';

describe('routing.* over tRPC (pglite)', () => {
  let api: ApiHarness;
  let admin: ApiClient;
  let agent: ApiClient;
  let designer: ApiClient;
  beforeAll(async () => {
    api = await startApi('pglite');
    admin = await clientAs(api, 'admin');
    agent = await clientAs(api, 'agent');
    designer = await clientAs(api, 'designer');
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lets admins save queues and agents, and read them back with figures', async () => {
    const saved = await admin.routing.queues.upsert.mutate({
      id: 'fraud',
      name: 'Fraud desk',
      requiredSkills: [{ skill: 'fraud', minLevel: 3 }],
      priority: 10,
      hours: { timezone: 'Asia/Bangkok', weekly: [{ day: 'mon', open: '09:00', close: '18:00' }], holidays: ['2026-04-13'] },
      maxWaitSeconds: 300,
      overflowQueue: 'general',
    });
    expect(saved).toMatchObject({ id: 'fraud', whenClosed: 'stay', priority: 10 });
    expect((await admin.routing.queues.list.query()).map((q) => q.id)).toEqual(['fraud']);

    const agents = await admin.routing.agents.list.query();
    const listed = agents.find((a) => a.role === 'agent');
    if (!listed) throw new Error('the agent is not listed');
    expect(listed).toMatchObject({ presence: 'offline', skills: [], capacity: { voice: 1, webchat: 3, line: 3, email: 5, sms: 3 } });
    await admin.routing.agents.update.mutate({ userId: listed.userId, skills: [{ skill: 'fraud', level: 4 }], capacity: { voice: 1, webchat: 2 } });
    expect((await admin.routing.agents.list.query()).find((a) => a.userId === listed.userId)).toMatchObject({ skills: [{ skill: 'fraud', level: 4 }], capacity: { voice: 1, webchat: 2 } });

    // An agent's desktop shows the figures of the queues they serve; an admin sees every queue.
    await admin.routing.queues.upsert.mutate({ id: 'vip', name: 'VIP desk', requiredSkills: [{ skill: 'vip', minLevel: 1 }] });
    expect(await agent.routing.figures.query()).toEqual([{ queue: 'fraud', name: 'Fraud desk', waiting: 0, longestWaitSeconds: 0, agentsAvailable: 0, assigned: 0 }]);
    expect((await admin.routing.figures.query()).map((figure) => figure.queue).sort()).toEqual(['fraud', 'vip']);
    await admin.routing.queues.delete.mutate({ id: 'vip' });
    await admin.routing.queues.delete.mutate({ id: 'fraud' });
    expect(await admin.routing.queues.list.query()).toEqual([]);
  });

  it('refuses other roles and bad input, naming the field', async () => {
    await expectTrpcError(agent.routing.queues.upsert.mutate({ id: 'x', name: 'X' }), 'FORBIDDEN');
    await expectTrpcError(designer.routing.agents.list.query(), 'FORBIDDEN');
    await expectTrpcError(designer.routing.figures.query(), 'FORBIDDEN');
    const bad = await expectTrpcError(admin.routing.queues.upsert.mutate({ id: 'Bad Id', name: 'X' }), 'BAD_REQUEST');
    expect(JSON.stringify(bad.data)).toContain('id');
    const zone = await expectTrpcError(admin.routing.queues.upsert.mutate({ id: 'ok', name: 'X', hours: { timezone: 'Mars/Base', weekly: [] } }), 'BAD_REQUEST');
    expect(JSON.stringify(zone.data)).toContain('hours.timezone');
    await expectTrpcError(admin.routing.agents.update.mutate({ userId: 'u', skills: [{ skill: 'thai', level: 9 }] }), 'BAD_REQUEST');
    expect(await admin.routing.queues.list.query()).toEqual([]);
  });
});
