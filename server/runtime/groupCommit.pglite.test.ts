// Group commit on a real database: several conversations' events applied in one transaction,
// several inbound events stored in one, and a bad one in a batch failing alone.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, events, messages, outbox, timers } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { echoFlow } from '../testing/echoFlow';
import { testDatabase, type TestDatabase } from '../testing/database';
import type { ChannelAdapter } from './adapters';
import { setBinding } from './bindings';
import { dispatchOutbox } from './dispatch';
import { ingestEvents } from './ingestBatch';
import { insertEvent } from './internalEvents';
import { MachineCache } from './machines';
import { processConversations } from './processor';
import { EmbeddedQueue } from './queue';
import { Runtime } from './runtime';
import { fireTimer } from './timers';
import { simulatedServices } from '@/flows';

describe('group commit', () => {
  let database: TestDatabase;
  const sent: string[] = [];
  // An adapter that is not the transcript: steps go through the outbox, as with real channels.
  const api: ChannelAdapter = { send: async (message) => void sent.push(`${message.idempotencyKey} ${message.text}`) };
  let runtime: Runtime;

  beforeAll(async () => {
    database = await testDatabase('pglite');
    const flow = echoFlow('echo', 'Echo', 'echo {{ vars.said }}');
    await createFlow(database.db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
    await publishDraft(database.db, { id: flow.id }, null);
    await setBinding(database.db, { channel: 'api', flowId: 'echo' });
    // Never started: these tests apply events themselves, when they choose.
    runtime = new Runtime({ db: database.db, queue: new EmbeddedQueue(), adapters: { api } });
  });
  afterAll(async () => {
    await database?.close();
  });

  const open = async (from: string) => (await runtime.ingest({ channel: 'api', from, text: 'hello', messageId: `${from}-0` })).conversationId;
  const transcript = async (conversationId: string) =>
    (await database.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.position))).map((m) => `${m.direction} ${m.text}`);

  it('applies several conversations in one transaction, each conversation’s events in order', async () => {
    const ids = await Promise.all(['ann', 'bob', 'cy'].map(open));
    for (const [i, id] of ids.entries()) {
      await runtime.ingest({ channel: 'api', from: ['ann', 'bob', 'cy'][i] ?? '', text: `${i}a`, messageId: `${id}-1` });
      await runtime.ingest({ channel: 'api', from: ['ann', 'bob', 'cy'][i] ?? '', text: `${i}b`, messageId: `${id}-2` });
    }
    const processed = await processConversations(database.db, new MachineCache(simulatedServices), [...ids, ids[0] ?? ''], () => false);
    expect(processed.applied).toBe(9);
    expect(processed.changed.sort()).toEqual([...ids].sort());
    expect(processed.outbox).toHaveLength(6);
    // One transaction: now() is its start, the same for every event it applied.
    const stamps = await database.db.selectDistinct({ at: events.appliedAt }).from(events);
    expect(stamps).toHaveLength(1);
    for (const [i, id] of ids.entries()) {
      expect(await transcript(id)).toEqual(['in hello', `in ${i}a`, `out echo ${i}a`, `in ${i}b`, `out echo ${i}b`]);
      const [row] = await database.db.select().from(conversations).where(eq(conversations.id, id));
      expect(row?.appliedSeq).toBe(3);
      // Each step cancelled the timer the one before set: one is left waiting.
      const waiting = await database.db.select().from(timers).where(and(eq(timers.conversationId, id), isNull(timers.cancelledAt)));
      expect(waiting).toHaveLength(1);
      // One row, moved from token to token: a table growing by a row per question is not kept.
      expect(await database.db.select().from(timers).where(eq(timers.conversationId, id))).toHaveLength(1);
      const earlier = { conversationId: id, token: 't1', fireAt: waiting[0]?.fireAt ?? new Date() };
      expect(await fireTimer(database.db, earlier, new Date())).toBe(false);
      const items = await database.db.select({ key: outbox.idempotencyKey }).from(outbox).where(eq(outbox.conversationId, id)).orderBy(asc(outbox.id));
      // Keys name the conversation, the event's sequence number and the effect's place in its step.
      expect(items.map((item) => item.key.split(':').slice(0, 2).join(':'))).toEqual([`${id}:2`, `${id}:3`]);
    }
    // Applied once: running again finds nothing.
    expect((await processConversations(database.db, new MachineCache(simulatedServices), ids, () => false)).applied).toBe(0);
  });

  it('a conversation that fails in a batch fails alone: the others are applied once and sent once', async () => {
    const ids = await Promise.all(['dee', 'eve', 'fay'].map(open));
    const [good1, bad, good2] = ids;
    await database.db.transaction((tx) => insertEvent(tx, bad ?? '', { type: 'CUSTOMER', at: new Date().toISOString(), channel: 'api', text: 'x' }, null));
    // An event the engine cannot read, after a good one: the whole conversation's run must fail.
    await database.db.insert(events).values({ conversationId: bad ?? '', seq: 3, type: 'BOGUS', payload: { type: 'BOGUS' } });
    await runtime.ingest({ channel: 'api', from: 'dee', text: 'one', messageId: 'dee-1' });
    await runtime.ingest({ channel: 'api', from: 'fay', text: 'two', messageId: 'fay-1' });
    sent.length = 0;
    const settled = await Promise.allSettled(ids.map((id) => runtime.process(id)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await transcript(good1 ?? '')).toEqual(['in hello', 'in one', 'out echo one']);
    expect(await transcript(good2 ?? '')).toEqual(['in hello', 'in two', 'out echo two']);
    expect(sent.map((line) => line.split(' ').slice(1).join(' ')).sort()).toEqual(['echo one', 'echo two']);
    const [failed] = await database.db.select().from(conversations).where(eq(conversations.id, bad ?? ''));
    expect(failed?.appliedSeq).toBe(0);
    expect(await transcript(bad ?? '')).toEqual([]);
  });

  it('claims a run’s messages as it writes them, unless an earlier message of the conversation is still pending', async () => {
    const [jo, kim] = await Promise.all(['jo', 'kim'].map(open));
    await runtime.ingest({ channel: 'api', from: 'jo', text: 'j1', messageId: 'jo-1' });
    await runtime.ingest({ channel: 'api', from: 'kim', text: 'k1', messageId: 'kim-1' });
    const machines = new MachineCache(simulatedServices);
    const first = await processConversations(database.db, machines, [jo ?? '', kim ?? ''], () => false);
    expect(first.outbox).toHaveLength(2);
    expect(first.claimed.map((item) => item.id)).toEqual(first.outbox);
    expect(first.claimed.map((item) => item.payload)).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'echo j1' }), expect.objectContaining({ text: 'echo k1' })]));
    // Claimed: a sweep beside the worker that wrote them leaves them to it.
    sent.length = 0;
    await dispatchOutbox(database.db, { adapters: { api }, onEvent: async () => undefined });
    expect(sent).toEqual([]);
    // Jo's first echo is still pending: the next one waits its turn through dispatch's claim.
    await runtime.ingest({ channel: 'api', from: 'jo', text: 'j2', messageId: 'jo-2' });
    const second = await processConversations(database.db, machines, [jo ?? ''], () => false);
    expect(second.outbox).toHaveLength(1);
    expect(second.claimed).toEqual([]);
    const options = { adapters: { api }, onEvent: async () => undefined };
    await dispatchOutbox(database.db, options, second.outbox, first.claimed);
    expect(sent.map((line) => line.split(' ').slice(1).join(' ')).sort()).toEqual(['echo j1', 'echo j2', 'echo k1']);
    const left = await database.db.select({ status: outbox.status }).from(outbox).where(inArray(outbox.conversationId, [jo ?? '', kim ?? '']));
    expect(left.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('stores events that arrive together in one transaction: in order per sender, a repeated message id once', async () => {
    const [gus, hal] = await Promise.all(['gus', 'hal'].map(open));
    const now = new Date();
    const answers = await ingestEvents(database.db, [
      { event: { channel: 'api', from: 'gus', text: 'g1', messageId: 'g-1' }, now },
      { event: { channel: 'api', from: 'hal', text: 'h1', messageId: 'h-1' }, now },
      { event: { channel: 'api', from: 'gus', text: 'g2', messageId: 'g-2' }, now },
      { event: { channel: 'api', from: 'gus', text: 'g1 again', messageId: 'g-1' }, now },
      { event: { channel: 'api', from: 'hal', text: 'h0', messageId: 'hal-0' }, now },
    ]);
    expect(answers.map((a) => a.conversationId)).toEqual([gus, hal, gus, gus, hal]);
    expect(answers[3]?.eventId).toBe(answers[0]?.eventId);
    // Delivered before the batch: the first delivery's answer.
    const [opening] = await database.db.select({ id: events.id }).from(events).where(eq(events.dedupeKey, 'api:hal-0'));
    expect(answers[4]?.eventId).toBe(opening?.id);
    const stored = await database.db.select({ seq: events.seq, payload: events.payload }).from(events).where(eq(events.conversationId, gus ?? '')).orderBy(asc(events.seq));
    const text = (payload: unknown) => /"text":"([^"]*)"/.exec(JSON.stringify(payload))?.[1];
    expect(stored.map((row) => `${row.seq} ${text(row.payload)}`)).toEqual(['1 hello', '2 g1', '3 g2']);
  });

  it('a bad event among events arriving together is refused alone; the others are stored once', async () => {
    await open('ivy');
    const ivy = runtime.ingest({ channel: 'api', from: 'ivy', text: 'fine', messageId: 'ivy-1' });
    // No flow answers SMS here: refused, and nothing is stored for it.
    const stray = runtime.ingest({ channel: 'sms', from: '+6620000000', text: 'hi', messageId: 'sms-1' });
    const settled = await Promise.allSettled([ivy, stray]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    const rows = await database.db.select().from(events).where(eq(events.dedupeKey, 'api:ivy-1'));
    expect(rows).toHaveLength(1);
    expect(await database.db.select().from(events).where(eq(events.dedupeKey, 'sms:sms-1'))).toHaveLength(0);
    // Together in one transaction, the bad event takes the whole batch down: nothing is stored.
    await expect(
      ingestEvents(database.db, [
        { event: { channel: 'api', from: 'ivy', text: 'more', messageId: 'ivy-2' }, now: new Date() },
        { event: { channel: 'sms', from: '+6620000000', text: 'hi', messageId: 'sms-2' }, now: new Date() },
      ]),
    ).rejects.toThrow(/No flow answers sms/);
    expect(await database.db.select().from(events).where(eq(events.dedupeKey, 'api:ivy-2'))).toHaveLength(0);
  });
});
