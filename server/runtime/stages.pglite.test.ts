// The stage observer (stages.ts): what the runtime benchmark splits latency with. An event is
// seen stored, queued, then in an apply run that began and committed, in that order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { echoFlow } from '../testing/echoFlow';
import { testDatabase, type TestDatabase } from '../testing/database';
import type { ChannelAdapter } from './adapters';
import { setBinding } from './bindings';
import { EmbeddedQueue } from './queue';
import { Runtime } from './runtime';
import type { Stage } from './stages';

describe('stage observer', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let queue: EmbeddedQueue;
  const seen: { stage: Stage; ids: readonly string[]; at: number }[] = [];
  const sentAt: number[] = [];
  const api: ChannelAdapter = { send: async () => void sentAt.push(performance.timeOrigin + performance.now()) };

  beforeAll(async () => {
    database = await testDatabase('pglite');
    const flow = echoFlow('echo', 'Echo');
    await createFlow(database.db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
    await publishDraft(database.db, { id: flow.id }, null);
    await setBinding(database.db, { channel: 'api', flowId: 'echo' });
    queue = new EmbeddedQueue();
    runtime = new Runtime({ db: database.db, queue, adapters: { api }, observe: (stage, ids, at) => seen.push({ stage, ids, at }) });
    await runtime.startWorker();
  });
  afterAll(async () => {
    await runtime?.stop();
    await queue?.close();
    await database?.close();
  });

  it('sees an event stored, queued, then applied in a run that began and committed, in order', async () => {
    const { conversationId } = await runtime.ingest({ channel: 'api', from: 'ann', text: 'hello', messageId: 'ann-0' });
    await runtime.idle();
    seen.length = 0;
    sentAt.length = 0;
    await runtime.ingest({ channel: 'api', from: 'ann', text: 'again', messageId: 'ann-1' });
    await runtime.idle();
    const mine = seen.filter((entry) => entry.ids.includes(conversationId));
    expect(mine.map((entry) => entry.stage)).toEqual(['stored', 'queued', 'began', 'committed']);
    const times = mine.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Wall-clock times, comparable with another process' (the echo was sent after the commit).
    expect(sentAt).toHaveLength(1);
    expect(sentAt[0]).toBeGreaterThanOrEqual(times[3] ?? Number.POSITIVE_INFINITY);
    expect(Math.abs((times[0] ?? 0) - Date.now())).toBeLessThan(60_000);
  });
});
