// Several `npm run worker` processes on PostgreSQL and Redis, fed over HTTP by a web process that
// only ingests: per-conversation order across workers, kill -9 and SIGTERM mid-stream, and a
// timer that outlives every worker. Outbound messages go to a webhook, so what a customer would
// receive is observed from outside, with its idempotency keys.
import { and, asc, count, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { createApiKey } from '../auth/apiKeys';
import { contactIdentities, events, messages, outbox } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { serveFetch, type FetchServer } from '../http/serveFetch';
import { startApi, type ApiHarness } from '../testing/apiHarness';
import { echoFlow } from '../testing/echoFlow';
import { startWorkerProcess, type WorkerProcess } from '../testing/workerProcess';
import { setBinding } from './bindings';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const EVENTS_PER_CONVERSATION = 20;

/** Every message after the first is echoed back; the first only starts the journey. */
const echo = echoFlow('echo', 'Echo', 'echo {{ vars.said }}');

const patience = {
  format: FLOW_FORMAT,
  id: 'patience',
  name: 'Patience',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hold', type: 'message', data: { text: 'Hold on' } },
    { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '3s' } },
    { id: 'thanks', type: 'message', data: { text: 'Thanks for waiting' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
  ],
  edges: [
    { source: 'start', target: 'hold' },
    { source: 'hold', target: 'pause' },
    { source: 'pause', target: 'thanks' },
    { source: 'thanks', target: 'done' },
  ],
};

interface Delivery {
  key: string;
  conversationId: string;
  text: string;
}

describe('worker processes on PostgreSQL and Redis', () => {
  let api: ApiHarness;
  let key: string;
  let webhook: FetchServer;
  const deliveries: Delivery[] = [];
  const workers: WorkerProcess[] = [];

  const startWorker = async () => {
    const database = api.database.url;
    if (!database) throw new Error('the test database has no URL');
    const worker = await startWorkerProcess({
      DATABASE_URL: database,
      REDIS_URL,
      SWITCHBOARD_QUEUE_PREFIX: api.queuePrefix,
      SWITCHBOARD_API_WEBHOOK_URL: `${webhook.url}/messages`,
    });
    workers.push(worker);
    return worker;
  };

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${api.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 202) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { conversationId: string };
  };

  /** Each contact sends its messages one after another; many contacts at once. */
  const converse = async (prefix: string, contacts: number, parallel = 40) => {
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < contacts; i = next++) {
        for (let n = 0; n < EVENTS_PER_CONVERSATION; n++) await post({ channel: 'api', from: `${prefix}-${i}`, text: `m${n}`, messageId: `${prefix}-${i}-${n}` });
      }
    };
    await Promise.all(Array.from({ length: parallel }, lane));
  };

  /** Every stored event applied and every outbox item done. */
  const quiet = async (timeoutMs = 120_000) => {
    const db = api.services.db;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [unapplied] = await db.select({ n: count() }).from(events).where(isNull(events.appliedAt));
      const [pending] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending'));
      if (unapplied?.n === 0 && pending?.n === 0) return;
      if (Date.now() > deadline) throw new Error(`still ${unapplied?.n} events unapplied and ${pending?.n} messages unsent`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  /** Each contact's transcript in transcript order: its messages in, each echo right after. */
  const expectTranscripts = async (prefix: string, contacts: number) => {
    const rows = await api.services.db
      .select({ address: contactIdentities.address, direction: messages.direction, text: messages.text, conversationId: messages.conversationId })
      .from(messages)
      .innerJoin(contactIdentities, eq(contactIdentities.contactId, messages.contactId))
      .where(like(contactIdentities.address, `${prefix}-%`))
      .orderBy(asc(messages.position));
    const expected = ['in m0', ...Array.from({ length: EVENTS_PER_CONVERSATION - 1 }, (_, n) => [`in m${n + 1}`, `out echo m${n + 1}`]).flat()];
    const byContact = new Map<string, typeof rows>();
    for (const row of rows) byContact.set(row.address, [...(byContact.get(row.address) ?? []), row]);
    expect(byContact.size).toBe(contacts);
    let violations = 0;
    for (const [address, transcript] of byContact) {
      const seen = transcript.map((row) => `${row.direction} ${row.text}`);
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        violations++;
        if (violations === 1) expect(seen, address).toEqual(expected);
      }
      expect(new Set(transcript.map((row) => row.conversationId)).size, address).toBe(1);
    }
    expect(violations).toBe(0);
    return [...byContact.values()].map((transcript) => transcript[0]?.conversationId ?? '');
  };

  /** What reached the webhook for these conversations: every echo, each under exactly one key. */
  const expectDeliveredOnce = (conversationIds: string[]) => {
    const wanted = new Set(conversationIds);
    const ours = deliveries.filter((d) => wanted.has(d.conversationId));
    const keysPerMessage = new Map<string, Set<string>>();
    for (const d of ours) {
      const message = `${d.conversationId}/${d.text}`;
      keysPerMessage.set(message, (keysPerMessage.get(message) ?? new Set()).add(d.key));
    }
    expect(keysPerMessage.size).toBe(conversationIds.length * (EVENTS_PER_CONVERSATION - 1));
    const twice = [...keysPerMessage].filter(([, keys]) => keys.size > 1);
    expect(twice, 'messages delivered under two keys, so a customer would see them twice').toEqual([]);
  };

  beforeAll(async () => {
    webhook = await serveFetch(async (request) => {
      const body = (await request.json()) as { conversationId: string; text: string };
      deliveries.push({ key: request.headers.get('idempotency-key') ?? '', conversationId: body.conversationId, text: body.text });
      return new Response(null, { status: 204 });
    });
    api = await startApi('postgres', { redisUrl: REDIS_URL, worker: false });
    const db = api.services.db;
    key = (await createApiKey(db, 'workers test', null)).key;
    for (const flow of [echo, patience]) {
      await createFlow(db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
      await publishDraft(db, { id: flow.id }, null);
    }
    await setBinding(db, { channel: 'api', flowId: 'echo' });
    await setBinding(db, { channel: 'api', address: 'patience', flowId: 'patience' });
  });

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    await api?.close();
    await webhook?.close();
  });

  it('applies 200 conversations × 20 events across 4 workers, each conversation in order, each event once', async () => {
    const four = await Promise.all([startWorker(), startWorker(), startWorker(), startWorker()]);
    await converse('a', 200);
    await quiet();
    const conversationIds = await expectTranscripts('a', 200);
    expectDeliveredOnce(conversationIds);
    const applied = await appliedCounts(four, 200 * EVENTS_PER_CONVERSATION);
    expect(applied.every((n) => n > 0), `applied per worker: ${applied.join(', ')}`).toBe(true);
    expect(applied.reduce((a, b) => a + b, 0)).toBe(200 * EVENTS_PER_CONVERSATION);
  }, 240_000);

  it('loses nothing and sends nothing twice when workers are killed mid-stream and restarted', async () => {
    const running = workers.filter((worker) => worker.child.exitCode === null);
    const before = deliveries.length;
    const sending = converse('b', 100, 25);
    while (deliveries.length - before < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    const [killed1, killed2, stopped] = running;
    killed1?.child.kill('SIGKILL');
    killed2?.child.kill('SIGKILL');
    // SIGTERM: the worker finishes what it holds, then exits cleanly.
    stopped?.child.kill('SIGTERM');
    expect(await stopped?.exited).toBe(0);
    await Promise.all([startWorker(), startWorker()]);
    await sending;
    await quiet();
    expectDeliveredOnce(await expectTranscripts('b', 100));
  }, 240_000);

  it('fires a timer set before every worker was killed once a worker is back', async () => {
    const { conversationId } = await post({ channel: 'api', from: 'waiting-caller', to: 'patience', text: 'hi' });
    await quiet();
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(workers.map((worker) => worker.exited));
    const transcript = () =>
      api.services.db.select({ text: messages.text }).from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'out'))).orderBy(asc(messages.position));
    expect((await transcript()).map((m) => m.text)).toEqual(['Hold on']);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await startWorker();
    for (let tries = 0; tries < 300 && (await transcript()).length < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    await quiet();
    expect((await transcript()).map((m) => m.text)).toEqual(['Hold on', 'Thanks for waiting']);
  }, 120_000);
});

/**
 * The workers' applied counts once their logs have caught up: a worker logs a batch after its
 * commit, so the database can be quiet a moment before the last lines come through the pipes.
 * Waits for the expected total (or a while), then a little longer so a double count shows.
 */
async function appliedCounts(workers: readonly { applied(): number }[], expected: number): Promise<number[]> {
  const sum = () => workers.reduce((total, worker) => total + worker.applied(), 0);
  const deadline = Date.now() + 10_000;
  while (sum() < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 500));
  return workers.map((worker) => worker.applied());
}
