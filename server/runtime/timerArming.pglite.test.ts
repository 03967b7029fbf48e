// Timers far ahead wait in their rows only: a step does not arm them (no delayed job per
// question), and the sweep arms them once they come near, so they still fire on time.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, timers } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { echoFlow } from '../testing/echoFlow';
import { testDatabase, type TestDatabase } from '../testing/database';
import type { ChannelAdapter } from './adapters';
import { setBinding } from './bindings';
import { EmbeddedQueue } from './queue';
import { Runtime } from './runtime';
import { InMemoryTimers, type DueTimer } from './timers';

/** The embedded queue's own timers, noting what they were asked to arm. */
class NotingTimers extends InMemoryTimers {
  readonly asked: { token: string; delayMs: number }[] = [];

  override arm(timer: DueTimer, delayMs: number): Promise<void> {
    this.asked.push({ token: timer.token, delayMs });
    return super.arm(timer, delayMs);
  }
}

class NotingQueue extends EmbeddedQueue {
  override readonly timers = new NotingTimers();
}

const HOUR_MS = 60 * 60 * 1000;

describe('timer arming', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let queue: NotingQueue;
  let offsetMs = 0;
  const api: ChannelAdapter = { send: async () => undefined };

  beforeAll(async () => {
    database = await testDatabase('pglite');
    const flow = echoFlow('echo', 'Echo');
    await createFlow(database.db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
    await publishDraft(database.db, { id: flow.id }, null);
    await setBinding(database.db, { channel: 'api', flowId: 'echo' });
    queue = new NotingQueue();
    runtime = new Runtime({ db: database.db, queue, adapters: { api }, sweepMs: 100, clock: () => new Date(Date.now() + offsetMs) });
    await runtime.startWorker();
  });
  afterAll(async () => {
    runtime?.stop();
    await queue?.close();
    await database?.close();
  });

  const status = async (id: string) => (await database.db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, id)))[0]?.status;

  it('leaves an hour’s no-input timer unarmed, then arms and fires it when it comes near', async () => {
    const { conversationId } = await runtime.ingest({ channel: 'api', from: 'ann', text: 'hello', messageId: 'ann-0' });
    await runtime.idle();
    // Several sweeps pass: the timer, an hour away, is still only a row.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.timers.asked).toEqual([]);
    expect(await status(conversationId)).toBe('active');

    // Half a second before it is due: a sweep arms it, and the no-input path ends the journey.
    const [timer] = await database.db.select({ fireAt: timers.fireAt }).from(timers).where(eq(timers.conversationId, conversationId));
    expect((timer?.fireAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(HOUR_MS - 60_000);
    offsetMs = (timer?.fireAt.getTime() ?? 0) - Date.now() - 500;
    for (let tries = 0; tries < 100 && (await status(conversationId)) !== 'ended'; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await status(conversationId)).toBe('ended');
    expect(queue.timers.asked.length).toBeGreaterThan(0);
    expect(queue.timers.asked.every(({ delayMs }) => delayMs < 1_000)).toBe(true);
  });
});
