// The web-chat stream: server-sent events of the visitor's latest conversation, resumed after
// the Last-Event-ID an EventSource sends when it reconnects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents as readServerEvents, type ServerSentEvent } from '../testing/sse';
import { randomId, startWebchat, type WebchatHarness } from './webchatHarness';

interface ServerEvent {
  id?: string;
  event: string;
  data: unknown;
}

const withJson = (events: ServerSentEvent[]): ServerEvent[] => events.map((e) => ({ ...e, data: JSON.parse(e.data) as unknown }));

/** Reads events, their data parsed, until `done` says so or the server closes the stream. */
async function readEvents(response: Response, done: (events: ServerEvent[]) => boolean = () => false): Promise<ServerEvent[]> {
  return withJson(await readServerEvents(response, (events) => done(withJson(events))));
}

const texts = (events: ServerEvent[]) =>
  events.filter((e) => e.event === 'message').map((e) => (e.data !== null && typeof e.data === 'object' && 'text' in e.data ? e.data.text : undefined));

describe('web chat stream (pglite)', () => {
  let chat: WebchatHarness;
  beforeAll(async () => {
    chat = await startWebchat('pglite');
  });
  afterAll(async () => {
    await chat?.close();
  });

  const say = (visitorId: string, text: string) => chat.post('messages', { visitorId, messageId: randomId(), text });
  const stream = (visitorId: string, headers: Record<string, string> = {}) => fetch(chat.endpoint(`stream?visitor=${visitorId}`), { headers });

  it('streams the conversation as it happens, with CORS headers', async () => {
    const visitorId = randomId();
    await chat.post('start', { visitorId });
    await chat.api.services.runtime.idle();
    const response = await stream(visitorId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const reading = readEvents(response, (events) => events.some((e) => e.event === 'ended'));
    await say(visitorId, 'track');
    const events = await reading;
    expect(texts(events)).toEqual(['Hi! Track an order or say goodbye?', 'track', 'It ships tomorrow.', 'Thanks for chatting!']);
    expect(events.at(-1)).toEqual({ event: 'ended', data: { outcome: 'resolved' } });
    expect(events.filter((e) => e.event === 'state').at(-1)?.data).toMatchObject({ status: 'ended' });
  });

  it('resumes after Last-Event-ID, and follows the visitor into a new conversation', async () => {
    const visitorId = randomId();
    await say(visitorId, 'hello');
    await say(visitorId, 'bye');
    const history = await chat.history(visitorId);
    const seen = history.messages.at(-1)?.id;
    expect(history.conversation?.status).toBe('ended');

    // What a closed EventSource resumes with: only the new conversation's messages come.
    await say(visitorId, 'hello again');
    await chat.api.services.runtime.idle();
    const resumed = await readEvents(await stream(visitorId, { 'last-event-id': String(seen) }), (events) => texts(events).length >= 2);
    expect(texts(resumed)).toEqual(['hello again', 'Hi! Track an order or say goodbye?']);
    expect(resumed.filter((e) => e.event === 'message').every((e) => Number(e.id) > Number(seen))).toBe(true);
    // `?after=` does the same for a client that cannot set the header.
    const viaQuery = await readEvents(await fetch(chat.endpoint(`stream?visitor=${visitorId}&after=${seen}`)), (events) => texts(events).length >= 2);
    expect(texts(viaQuery)).toEqual(texts(resumed));
  });

  it('ends at once for a conversation that already ended', async () => {
    const visitorId = randomId();
    await say(visitorId, 'hello');
    await say(visitorId, 'bye');
    const last = (await chat.history(visitorId)).messages.at(-1)?.id;
    const events = await readEvents(await stream(visitorId, { 'last-event-id': String(last) }));
    expect(texts(events)).toEqual([]);
    expect(events.map((e) => e.event)).toEqual(['state', 'ended']);
  });

  it('refuses a visitor without a conversation and a missing visitor', async () => {
    const none = await stream(randomId());
    expect(none.status).toBe(404);
    expect((await none.json()).error.code).toBe('no_conversation');
    const missing = await fetch(chat.endpoint('stream'));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.field).toBe('visitor');
  });
});
