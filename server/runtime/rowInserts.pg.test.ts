// The batch's transcript and path inserts (unnest of one array per column) on both drivers:
// rows land in the order given, nulls and defaults as drizzle's insert would leave them, and
// payloads stay JSON (objects, strings with quotes and commas, Thai text).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contacts, conversationPath, conversations, messages, outbox } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { echoFlow } from '../testing/echoFlow';
import { testDatabase, type DatabaseKind, type TestDatabase } from '../testing/database';
import { insertMessages, insertOutbox, insertPath } from './rowInserts';

const Written = z.object({ rows: z.array(z.object({ idempotency_key: z.string(), claimed: z.boolean() })) });

describe.each<DatabaseKind>(['pglite', 'postgres'])('row inserts on %s', (kind) => {
  let database: TestDatabase;
  let conversationId: string;
  let contactId: string;

  beforeAll(async () => {
    database = await testDatabase(kind);
    const flow = echoFlow('echo', 'Echo', 'echo');
    await createFlow(database.db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
    await publishDraft(database.db, { id: flow.id }, null);
    const [contact] = await database.db.insert(contacts).values({ name: 'Row' }).returning();
    contactId = contact!.id;
    const [conversation] = await database.db.insert(conversations).values({ contactId, flowId: 'echo', flowVersion: 1, channel: 'api' }).returning();
    conversationId = conversation!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('inserts messages in the given order with their values, nulls and defaults', async () => {
    const outId = randomUUID();
    const at = new Date('2026-01-02T03:04:05.678Z');
    const tricky = { text: 'a "quoted", {braced} \\ สวัสดี', list: [1, null] };
    await database.db.execute(
      insertMessages([
        { conversationId, contactId, direction: 'in', channel: 'api', text: 'first', payload: null, author: 'customer', createdAt: at },
        { id: outId, conversationId, contactId, direction: 'out', channel: 'api', text: null, payload: tricky, author: 'agent', agentId: null, delivery: 'sent' },
        { conversationId, contactId, direction: 'out', channel: 'api', text: 'third', payload: 'just "a" string', author: 'bot', delivery: 'pending' },
      ]),
    );
    const rows = await database.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.position));
    expect(rows.map((row) => row.text)).toEqual(['first', null, 'third']);
    expect(rows[0]).toMatchObject({ direction: 'in', author: 'customer', payload: null, delivery: null, createdAt: at });
    expect(rows[1]).toMatchObject({ id: outId, payload: tricky, author: 'agent', delivery: 'sent', agentId: null });
    expect(rows[2]).toMatchObject({ payload: 'just "a" string', delivery: 'pending' });
    expect(rows[2]!.id).not.toBe(outId);
    // No createdAt given: the statement's now(), not null.
    expect(rows[2]!.createdAt.getTime()).toBeGreaterThan(at.getTime());
  });

  it('inserts path rows in the given order', async () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    const nodes = Array.from({ length: 12 }, (_, index) => `node-${index}`);
    await database.db.execute(insertPath(nodes.map((node) => ({ conversationId, node, flow: 'echo', enteredAt: at }))));
    const rows = await database.db.select().from(conversationPath).where(eq(conversationPath.conversationId, conversationId)).orderBy(asc(conversationPath.id));
    expect(rows.map((row) => row.node)).toEqual(nodes);
    expect(rows.every((row) => row.flow === 'echo' && row.enteredAt.getTime() === at.getTime())).toBe(true);
  });

  it('inserts outbox items in order, claimed ones leased past now, and returns them', async () => {
    const payload = { text: 'hi "there"', quickReplies: [], mediaUrl: null };
    const written = Written.parse(
      await database.db.execute(
      insertOutbox([
        { item: { conversationId, kind: 'send', channel: 'api', payload, idempotencyKey: `${kind}-a` }, leaseMs: null },
        { item: { conversationId, kind: 'http', payload: { url: 'http://127.0.0.1/x' }, idempotencyKey: `${kind}-b` }, leaseMs: 60_000 },
        ]),
      ),
    );
    expect(written.rows.map((row) => [row.idempotency_key, row.claimed])).toEqual([[`${kind}-a`, false], [`${kind}-b`, true]]);
    const rows = await database.db.select().from(outbox).where(eq(outbox.conversationId, conversationId)).orderBy(asc(outbox.id));
    expect(rows.map((row) => row.idempotencyKey)).toEqual([`${kind}-a`, `${kind}-b`]);
    expect(rows[0]).toMatchObject({ kind: 'send', channel: 'api', payload, status: 'pending', attempts: 0, messageId: null });
    expect(rows[1]).toMatchObject({ kind: 'http', channel: null, payload: { url: 'http://127.0.0.1/x' } });
    expect(rows[1]!.nextAttemptAt.getTime() - rows[0]!.nextAttemptAt.getTime()).toBeGreaterThan(55_000);
  });
});
