// The outbox is carried out at least once but not by two dispatchers at once: an item a worker
// is sending is not picked up again by the sweep running beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { contacts, conversations, messages, outbox } from '../db/schema';
import { createFlow } from '../flows/flowStore';
import { serveFetch, type FetchServer } from '../http/serveFetch';
import { testDatabase, type TestDatabase } from '../testing/database';
import { transcriptAdapter, UndeliverableError } from './adapters';
import { dispatchOutbox } from './dispatch';

describe('outbox dispatch', () => {
  let database: TestDatabase;
  let api: FetchServer;
  let calls = 0;

  beforeAll(async () => {
    database = await testDatabase('pglite');
    api = await serveFetch(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return Response.json({ ok: true });
    });
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('claims an item so two dispatchers at once call its API once, and records delivery on the message', async () => {
    const db = database.db;
    await createFlow(db, { id: 'f', name: 'F' }, null);
    const [contact] = await db.insert(contacts).values({ name: 'Ann' }).returning();
    const [conversation] = await db.insert(conversations).values({ contactId: contact?.id ?? '', flowId: 'f', flowVersion: 1, channel: 'api' }).returning();
    const conversationId = conversation?.id ?? '';
    const [item] = await db
      .insert(outbox)
      .values({ conversationId, kind: 'http', payload: { requestId: 'r1', method: 'GET', url: `${api.url}/x`, timeoutMs: 2_000 }, idempotencyKey: 'k1' })
      .returning();
    const options = { adapters: { api: transcriptAdapter }, onEvent: async () => undefined };
    await Promise.all([dispatchOutbox(db, options, [item?.id ?? 0]), dispatchOutbox(db, options), dispatchOutbox(db, options)]);
    expect(calls).toBe(1);
    const [after] = await db.select().from(outbox);
    expect(after).toMatchObject({ status: 'sent', attempts: 1 });

    // A message's delivery follows its item: sent, or pending with the reason while retried.
    const send = async (key: string) => {
      const [message] = await db.insert(messages).values({ conversationId, contactId: contact?.id ?? '', direction: 'out', channel: 'api', text: key, author: 'bot', delivery: 'pending' }).returning();
      const [queued] = await db
        .insert(outbox)
        .values({ conversationId, messageId: message?.id, kind: 'send', channel: 'api', payload: { text: key }, idempotencyKey: key })
        .returning();
      return { messageId: message?.id ?? '', itemId: queued?.id ?? 0 };
    };
    const delivered = await send('k2');
    await dispatchOutbox(db, options, [delivered.itemId]);
    const refused = await send('k3');
    const down = { adapters: { api: { send: async () => Promise.reject(new Error('the channel is down')) } }, onEvent: async () => undefined };
    await dispatchOutbox(db, down, [refused.itemId]);
    const rows = await db.select().from(messages);
    expect(rows.find((m) => m.id === delivered.messageId)).toMatchObject({ delivery: 'sent', deliveryError: null });
    expect(rows.find((m) => m.id === refused.messageId)).toMatchObject({ delivery: 'pending', deliveryError: 'the channel is down' });
    // The refused item waits for its retry; the next test's sweep would send it once its backoff
    // ran out (a slow, loaded machine) and see a message it did not queue.
    await db.delete(outbox).where(eq(outbox.idempotencyKey, 'k3'));

    // A send that can never succeed (a customer who blocked the account) fails at once, unretried.
    const blocked = await send('k4');
    const gone = { adapters: { api: { send: async () => Promise.reject(new UndeliverableError('the user blocked the account')) } }, onEvent: async () => undefined };
    await dispatchOutbox(db, gone, [blocked.itemId]);
    expect((await db.select().from(outbox).where(eq(outbox.idempotencyKey, 'k4')))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await db.select().from(messages).where(eq(messages.id, blocked.messageId)))[0]).toMatchObject({ delivery: 'failed', deliveryError: 'the user blocked the account' });
  });

  it('sends a conversation\'s messages in commit order, even when a later one is dispatched first', async () => {
    const db = database.db;
    const [contact] = await db.insert(contacts).values({ name: 'Bo' }).returning();
    const [conversation] = await db.insert(conversations).values({ contactId: contact?.id ?? '', flowId: 'f', flowVersion: 1, channel: 'api' }).returning();
    const conversationId = conversation?.id ?? '';
    const [otherContact] = await db.insert(contacts).values({ name: 'Cy' }).returning();
    const [other] = await db.insert(conversations).values({ contactId: otherContact?.id ?? '', flowId: 'f', flowVersion: 1, channel: 'api' }).returning();
    const queue = async (conversation: string, key: string) => {
      const [item] = await db.insert(outbox).values({ conversationId: conversation, kind: 'send', channel: 'api', payload: { text: key }, idempotencyKey: key }).returning();
      return item?.id ?? 0;
    };
    const sentTexts: string[] = [];
    let failFirst = true;
    const adapters = {
      api: {
        send: async (message: { text: string }) => {
          if (message.text === 'one' && failFirst) {
            failFirst = false;
            throw new Error('the channel hiccuped');
          }
          sentTexts.push(message.text);
        },
      },
    };
    const options = { adapters, onEvent: async () => undefined };
    const one = await queue(conversationId, 'one');
    const two = await queue(conversationId, 'two');
    const elsewhere = await queue(other?.id ?? '', 'elsewhere');

    // Another process holds "one" (claimed, being sent): "two" must wait, other conversations not.
    await db.update(outbox).set({ nextAttemptAt: sql`now() + interval '1 minute'` }).where(eq(outbox.id, one));
    await dispatchOutbox(db, options, [two, elsewhere]);
    expect(sentTexts).toEqual(['elsewhere']);

    // "one" comes due again and fails once: "two" still waits behind it.
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.id, one));
    await dispatchOutbox(db, options, [one, two]);
    expect(sentTexts).toEqual(['elsewhere']);
    const waiting = await db.select().from(outbox).where(eq(outbox.id, two));
    expect(waiting[0]).toMatchObject({ status: 'pending', attempts: 0 });

    // Its retry goes first, then "two" (asked for again while "one" is being sent, or swept).
    await db.update(outbox).set({ nextAttemptAt: sql`now()` }).where(eq(outbox.id, one));
    await Promise.all([dispatchOutbox(db, options, [one]), dispatchOutbox(db, options, [two])]);
    await dispatchOutbox(db, options);
    expect(sentTexts).toEqual(['elsewhere', 'one', 'two']);
  });
});
