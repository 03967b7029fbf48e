// GET /api/agent/stream: only signed-in agents and admins; `ready` once listening; `inbox` when
// a handoff is queued or assigned; `conversation` when an open or assigned conversation changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAgent } from '../routing';
import { startApi, type ApiHarness } from '../testing/apiHarness';
import { person, publishDeskFlow, type Person } from '../testing/deskFixture';
import { readEvents, type ServerSentEvent } from '../testing/sse';

describe('agent stream (pglite)', () => {
  let api: ApiHarness;
  let ana: Person;
  let designer: Person;

  const open = async (cookie: string, query = '') => {
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/agent/stream${query}`, { headers: { cookie }, signal: controller.signal });
    return { response, close: () => controller.abort() };
  };
  /** Reads events until `until` holds, while `act` runs once the stream said `ready`. */
  const watch = async (cookie: string, query: string, act: () => Promise<void>, until: (events: ServerSentEvent[]) => boolean) => {
    const { response, close } = await open(cookie, query);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let acting: Promise<void> | undefined;
    const timer = setTimeout(close, 10_000);
    try {
      const events = await readEvents(response, (seen) => {
        if (!acting && seen.some((e) => e.event === 'ready')) acting = act();
        return until(seen);
      });
      await acting;
      expect(until(events), `the stream ended with ${JSON.stringify(events)}`).toBe(true);
      return events;
    } finally {
      clearTimeout(timer);
      close();
    }
  };
  const say = (text: string, from: string) => api.services.runtime.ingest({ channel: 'api', from, text, contact: { name: from } });

  beforeAll(async () => {
    api = await startApi('pglite');
    await publishDeskFlow(api.services, 'api');
    ana = await person(api.services, api.url, 'agent', 'Ana');
    designer = await person(api.services, api.url, 'designer', 'Dee');
    await updateAgent(api.services.db, { userId: ana.id, capacity: { api: 3 } });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('refuses visitors, designers and bad conversation ids', async () => {
    expect((await fetch(`${api.url}/api/agent/stream`)).status).toBe(401);
    const forDesigner = await open(designer.cookie);
    expect(forDesigner.response.status).toBe(403);
    const bad = await open(ana.cookie, '?conversation=nope');
    expect(bad.response.status).toBe(400);
    expect(await bad.response.json()).toMatchObject({ error: { field: 'conversation' } });
  });

  it('announces a new handoff to the inbox', async () => {
    await say('hi', 'cust-stream-1');
    await api.services.runtime.idle();
    const events = await watch(ana.cookie, '', () => say('ORD-1', 'cust-stream-1').then(() => undefined), (seen) => seen.some((e) => e.event === 'inbox'));
    expect(events.map((e) => e.event)).toEqual(['ready', 'inbox']);
  });

  it('tells the page when the open conversation changes', async () => {
    const { conversationId } = await say('hi', 'cust-stream-2');
    await api.services.runtime.idle();
    const events = await watch(
      ana.cookie,
      `?conversation=${conversationId}`,
      async () => {
        // One step: the customer's message, the bot's nodes and its answer commit together.
        await say('ORD-2', 'cust-stream-2');
      },
      (seen) => seen.some((e) => e.event === 'conversation'),
    );
    const changes = events.filter((e) => e.event === 'conversation');
    expect(changes.map((e) => JSON.parse(e.data))).toEqual([{ id: conversationId }]);
  });

  it('follows conversations assigned to the agent without being told their ids', async () => {
    const { conversationId } = await say('hi', 'cust-stream-3');
    await say('ORD-3', 'cust-stream-3');
    await api.services.runtime.idle();
    await api.services.routing.settled();
    await ana.api.desk.claim.mutate({ conversationId });
    await api.services.runtime.idle();
    const events = await watch(
      ana.cookie,
      '',
      async () => {
        await say('are you there?', 'cust-stream-3');
      },
      (seen) => seen.some((e) => e.event === 'conversation'),
    );
    expect(events.filter((e) => e.event === 'conversation').map((e) => JSON.parse(e.data))).toEqual([{ id: conversationId }]);
  });
});
