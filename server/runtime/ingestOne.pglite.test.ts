// A lone event from a known sender is stored by one statement; anything else is left, with
// nothing written, to the long way (ingest.ts), which the batch entry point then takes.
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { echoFlow } from '../testing/echoFlow';
import { testDatabase, type TestDatabase } from '../testing/database';
import { setBinding } from './bindings';
import { ingestEvents } from './ingestBatch';
import { ingestKnownSender } from './ingestOne';

describe('ingest of a lone event', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await testDatabase('pglite');
    const flow = echoFlow('echo', 'Echo');
    await createFlow(database.db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
    await publishDraft(database.db, { id: flow.id }, null);
    await setBinding(database.db, { channel: 'api', flowId: 'echo' });
  });
  afterAll(async () => {
    await database?.close();
  });

  const total = async () => (await database.db.select({ n: count() }).from(events))[0]?.n ?? 0;

  it('stores a known sender’s event with the next sequence number, and leaves the rest to the long way', async () => {
    const now = new Date();
    // A new sender: nothing to find, nothing written.
    expect(await ingestKnownSender(database.db, { event: { channel: 'api', from: 'ann', text: 'hi', messageId: 'a-0' }, now })).toBeUndefined();
    expect(await total()).toBe(0);
    const [opened] = await ingestEvents(database.db, [{ event: { channel: 'api', from: 'ann', text: 'hi', messageId: 'a-0' }, now }]);

    const stored = await ingestKnownSender(database.db, { event: { channel: 'api', from: 'ann', text: 'again', messageId: 'a-1' }, now });
    expect(stored?.conversationId).toBe(opened?.conversationId);
    const rows = await database.db.select().from(events).where(eq(events.conversationId, opened?.conversationId ?? '')).orderBy(asc(events.seq));
    expect(rows.map((row) => [row.seq, row.dedupeKey, row.id])).toEqual([
      [1, 'api:a-0', opened?.eventId],
      [2, 'api:a-1', stored?.eventId],
    ]);
    expect(rows[1]?.payload).toEqual({ type: 'CUSTOMER', at: now.toISOString(), channel: 'api', text: 'again' });
    expect(rows[1]?.receivedAt.getTime()).toBe(now.getTime());

    // A repeated message id: not stored again here, and the long way answers with the first delivery.
    expect(await ingestKnownSender(database.db, { event: { channel: 'api', from: 'ann', text: 'again', messageId: 'a-1' }, now })).toBeUndefined();
    expect(await ingestEvents(database.db, [{ event: { channel: 'api', from: 'ann', text: 'again', messageId: 'a-1' }, now }])).toEqual([stored]);
    expect(await total()).toBe(2);
    // Contact details to fill in take the long way.
    expect(await ingestKnownSender(database.db, { event: { channel: 'api', from: 'ann', text: 'x', messageId: 'a-2', contact: { name: 'Ann' } }, now })).toBeUndefined();
    expect(await total()).toBe(2);
  });
});
