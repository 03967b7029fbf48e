// desk.* over real HTTP with real sessions: an agent sees a handoff waiting, opens it (profile,
// summary, collected variables, the bot's path), claims it, replies on the customer's channel,
// writes internal notes, fills canned responses, resolves with a disposition; the customer's
// CSAT answer lands in the variables. Access: viewers never, designers only when granted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffRecords, messages } from '../db/schema';
import { updateAgent } from '../routing';
import { startApi, type ApiHarness } from '../testing/apiHarness';
import { person, publishDeskFlow, type Person } from '../testing/deskFixture';
import { expectTrpcError } from '../testing/expectError';

describe('desk (pglite)', () => {
  let api: ApiHarness;
  let admin: Person;
  let ana: Person;
  let ben: Person;
  let designer: Person;
  let viewer: Person;
  let conversationId: string;

  const settle = async () => {
    await api.services.runtime.idle();
    await api.services.routing.settled();
    await api.services.runtime.idle();
  };
  const say = async (text: string, from = 'cust-1') => {
    const { conversationId: id } = await api.services.runtime.ingest({ channel: 'api', from, text, contact: { name: 'Somchai', email: 'somchai@example.com' } });
    await settle();
    return id;
  };

  beforeAll(async () => {
    api = await startApi('pglite');
    await publishDeskFlow(api.services, 'api');
    admin = await person(api.services, api.url, 'admin', 'Admin');
    ana = await person(api.services, api.url, 'agent', 'Ana');
    ben = await person(api.services, api.url, 'agent', 'Ben');
    designer = await person(api.services, api.url, 'designer', 'Dee');
    viewer = await person(api.services, api.url, 'viewer', 'Vic');
    // Offline, so routing leaves the handoff waiting for a claim.
    for (const agent of [ana, ben]) await updateAgent(api.services.db, { userId: agent.id, capacity: { api: 2 } });
    conversationId = await say('hello');
    await say('ORD-77');
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('lists the handoff as waiting in the agent’s inbox', async () => {
    const inbox = await ana.api.desk.inbox.query();
    expect(inbox.assigned).toEqual([]);
    expect(inbox.waiting).toMatchObject([{ conversationId, queue: 'support', channel: 'api', contact: { name: 'Somchai' }, summary: 'Order ORD-77: customer wants a person', position: 1 }]);
    expect(inbox.agent.presence).toBe('offline');
  });

  it('opens the conversation: profile, handoff summary, variables and the bot’s path between messages', async () => {
    const view = await ana.api.desk.conversation.query({ id: conversationId });
    expect(view.contact).toMatchObject({ name: 'Somchai', email: 'somchai@example.com', identities: [{ channel: 'api', address: 'cust-1' }] });
    expect(view.handoff).toMatchObject({ queue: 'support', status: 'queued', agent: null, summary: 'Order ORD-77: customer wants a person' });
    expect(view.vars).toMatchObject({ order: 'ORD-77' });
    expect(view.flow).toEqual({ id: 'desk-support', version: 1, name: 'Desk support' });
    const shown = view.timeline.map((entry) => (entry.kind === 'node' ? `node ${entry.node} (${entry.type})` : `${entry.author}@${entry.channel}: ${entry.text}`));
    expect(shown).toEqual([
      'customer@api: hello',
      'node start (start)',
      'node ask-order (collect)',
      'bot@api: What is your order number?',
      'customer@api: ORD-77',
      'node agent (handoff)',
      'bot@api: Connecting you to a person.',
    ]);
    expect(view.past).toEqual([]);
  });

  it('refuses a reply before the conversation is claimed, and another agent’s reply after', async () => {
    await expectTrpcError(ana.api.desk.reply.mutate({ conversationId, text: 'too early' }), 'PRECONDITION_FAILED');
    await ana.api.desk.claim.mutate({ conversationId });
    await settle();
    const inbox = await ana.api.desk.inbox.query();
    expect(inbox.waiting).toEqual([]);
    expect(inbox.assigned).toMatchObject([{ conversationId, agentId: ana.id }]);
    await expectTrpcError(ben.api.desk.reply.mutate({ conversationId, text: 'not mine' }), 'PRECONDITION_FAILED');
    await expectTrpcError(ben.api.desk.claim.mutate({ conversationId }), 'PRECONDITION_FAILED');
  });

  it('sends the agent’s reply on the customer’s channel, named after the agent', async () => {
    await ana.api.desk.reply.mutate({ conversationId, text: 'Hi Somchai, I am looking at ORD-77.' });
    await settle();
    const view = await ana.api.desk.conversation.query({ id: conversationId });
    expect(view.handoff).toMatchObject({ status: 'accepted', agent: { id: ana.id, name: 'Ana' } });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'message', author: 'agent', agentName: 'Ana', channel: 'api', direction: 'out', text: 'Hi Somchai, I am looking at ORD-77.' });
  });

  it('keeps internal notes out of the transcript', async () => {
    const note = await ana.api.desk.notes.add.mutate({ conversationId, text: 'Customer is a VIP, refund if asked.' });
    expect(note).toMatchObject({ author: { id: ana.id, name: 'Ana' }, text: 'Customer is a VIP, refund if asked.' });
    expect(await ben.api.desk.notes.list.query({ conversationId })).toMatchObject([{ text: 'Customer is a VIP, refund if asked.' }]);
    const sent = await api.services.db.select({ text: messages.text }).from(messages).where(eq(messages.conversationId, conversationId));
    expect(sent.map((m) => m.text)).not.toContain('Customer is a VIP, refund if asked.');
    await expectTrpcError(viewer.api.desk.notes.add.mutate({ conversationId, text: 'x' }), 'FORBIDDEN');
  });

  it('fills canned responses from the conversation; only admins manage them', async () => {
    const greeting = await admin.api.desk.canned.upsert.mutate({ title: 'Order greeting', shortcut: 'order', text: 'Hi {{ contact.name }}, about order {{ vars.order }} on {{ channel }}:' });
    await expectTrpcError(ana.api.desk.canned.upsert.mutate({ title: 'Mine', text: 'x' }), 'FORBIDDEN');
    await expectTrpcError(admin.api.desk.canned.upsert.mutate({ title: 'Broken', text: 'Hi {{ contact.name' }), 'BAD_REQUEST');
    await expectTrpcError(admin.api.desk.canned.upsert.mutate({ title: 'Order greeting', text: 'again' }), 'CONFLICT');
    expect((await ana.api.desk.canned.list.query()).map((c) => c.title)).toEqual(['Order greeting']);
    expect(await ana.api.desk.canned.render.query({ conversationId, id: greeting.id })).toEqual({ id: greeting.id, text: 'Hi Somchai, about order ORD-77 on api:' });
    await admin.api.desk.canned.upsert.mutate({ id: greeting.id, title: 'Order greeting', text: 'Hello {{ contact.name }}' });
    expect((await ana.api.desk.canned.render.query({ conversationId, id: greeting.id })).text).toBe('Hello Somchai');
    await admin.api.desk.canned.delete.mutate({ id: greeting.id });
    expect(await ana.api.desk.canned.list.query()).toEqual([]);
  });

  it('lets viewers never, and designers only with transcript access, read the conversation', async () => {
    await expectTrpcError(viewer.api.desk.conversation.query({ id: conversationId }), 'FORBIDDEN');
    await expectTrpcError(designer.api.desk.conversation.query({ id: conversationId }), 'FORBIDDEN');
    await expectTrpcError(designer.api.desk.inbox.query(), 'FORBIDDEN');
    await updateAgent(api.services.db, { userId: designer.id, readTranscripts: true });
    expect((await designer.api.desk.conversation.query({ id: conversationId })).id).toBe(conversationId);
    await expectTrpcError(designer.api.desk.reply.mutate({ conversationId, text: 'hi' }), 'FORBIDDEN');
  });

  it('resolves with a disposition; the CSAT answer lands in the variables; the next conversation shows this one as history', async () => {
    await ana.api.desk.resolve.mutate({ conversationId, disposition: 'solved' });
    await settle();
    const [record] = await api.services.db.select().from(handoffRecords).where(eq(handoffRecords.conversationId, conversationId));
    expect(record).toMatchObject({ disposition: 'solved', agentId: ana.id });
    let view = await ana.api.desk.conversation.query({ id: conversationId });
    expect(view.timeline.at(-1)).toMatchObject({ author: 'bot', text: 'How did we do? Answer 1 to 5.' });
    await say('5');
    view = await admin.api.desk.conversation.query({ id: conversationId });
    expect(view).toMatchObject({ status: 'ended', outcome: 'resolved', vars: { csat: 5 } });
    expect(view.surveys).toEqual([{ variable: 'csat', kind: 'csat', value: 5 }]);
    // The handoff is over; its card keeps the summary, the disposition and the agent.
    expect(view.handoff).toMatchObject({ status: 'ended', disposition: 'solved', agent: { id: ana.id }, summary: 'Order ORD-77: customer wants a person', transfers: 0 });
    expect(view.handoff?.firstResponseSeconds).toEqual(expect.any(Number));

    const next = await say('hello again');
    expect(next).not.toBe(conversationId);
    await say('ORD-78');
    const later = await ana.api.desk.conversation.query({ id: next });
    expect(later.past).toMatchObject([{ id: conversationId, outcome: 'resolved', status: 'ended', disposition: 'solved', flow: { name: 'Desk support' } }]);
    // The history's transcript opens for an agent serving the customer now.
    const transcript = await ana.api.desk.transcript.query({ id: conversationId });
    expect(transcript.timeline.filter((e) => e.kind === 'message').map((e) => (e.kind === 'message' ? e.text : ''))).toContain('Hi Somchai, I am looking at ORD-77.');
    await expectTrpcError(viewer.api.desk.transcript.query({ id: conversationId }), 'FORBIDDEN');
  });

  it('transfers to a named agent, then to another queue, through routing', async () => {
    const id = await say('hi', 'cust-2');
    await say('ORD-90', 'cust-2');
    await ana.api.desk.claim.mutate({ conversationId: id });
    await settle();
    const targets = await ana.api.desk.transferTargets.query();
    expect(targets.agents.map((a) => a.name)).toEqual(['Admin', 'Ana', 'Ben']);
    expect(targets.queues.map((q) => q.queue)).toContain('support');
    await ana.api.desk.transfer.mutate({ conversationId: id, to: { agentId: ben.id } });
    await settle();
    expect((await ben.api.desk.inbox.query()).assigned.map((item) => item.conversationId)).toEqual([id]);
    expect((await ana.api.desk.inbox.query()).assigned.map((item) => item.conversationId)).not.toContain(id);
    await expectTrpcError(ana.api.desk.transfer.mutate({ conversationId: id, to: { queue: 'billing' } }), 'FORBIDDEN');
    await ben.api.desk.transfer.mutate({ conversationId: id, to: { queue: 'billing' } });
    await settle();
    const view = await ana.api.desk.conversation.query({ id });
    expect(view.handoff).toMatchObject({ queue: 'billing', status: 'queued' });
    expect(view.handoff?.transfers).toBeGreaterThanOrEqual(1);
    expect((await ana.api.desk.inbox.query()).waiting.filter((item) => item.conversationId === id)).toMatchObject([{ queue: 'billing' }]);
  });
});
