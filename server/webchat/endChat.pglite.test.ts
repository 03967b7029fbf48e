// The widget's "End chat": a hangup for the visitor's open conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId, startWebchat, type WebchatHarness } from './webchatHarness';

describe('web chat end (pglite)', () => {
  let chat: WebchatHarness;
  beforeAll(async () => {
    chat = await startWebchat('pglite');
  });
  afterAll(async () => {
    await chat?.close();
  });

  it('ends the open chat as abandoned, once, and refuses when nothing is open', async () => {
    const visitorId = randomId();
    const { conversationId } = await (await chat.post('start', { visitorId })).json();
    await chat.history(visitorId);
    const ended = await chat.post('end', { visitorId });
    expect(ended.status).toBe(202);
    expect(await ended.json()).toEqual({ conversationId });
    expect((await chat.history(visitorId)).conversation).toMatchObject({ id: conversationId, status: 'ended', outcome: 'abandoned' });
    const events = await chat.eventCount();
    const again = await chat.post('end', { visitorId });
    expect(again.status).toBe(409);
    expect(await chat.eventCount()).toBe(events);

    const stranger = await chat.post('end', { visitorId: randomId() });
    expect(stranger.status).toBe(409);
    const bad = await chat.post('end', { visitorId: 'short' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ field: 'visitorId' });
  });
});
