// The public web-chat endpoints over HTTP, as the widget calls them, on PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlow } from '../flows/flowStore';
import { setBinding } from '../runtime/bindings';
import { randomId, SHOP_KEY, startWebchat, type WebchatHarness } from './webchatHarness';

describe('web chat endpoints (pglite)', () => {
  let chat: WebchatHarness;
  beforeAll(async () => {
    chat = await startWebchat('pglite');
  });
  afterAll(async () => {
    await chat?.close();
  });

  const say = (visitorId: string, body: Record<string, unknown>) => chat.post('messages', { visitorId, messageId: randomId(), ...body });

  it('answers any origin, without cookies, errors included', async () => {
    const preflight = await fetch(chat.endpoint('messages'), { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const refused = await fetch(chat.endpoint('history?visitor=short'), { headers: { origin: 'https://shop.example' } });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('serves the widget’s texts by locale', async () => {
    expect(await (await fetch(chat.endpoint('config?locale=th'))).json()).toEqual({ key: SHOP_KEY, locale: 'th', strings: { widgetSend: 'ส่ง' } });
    expect((await (await fetch(chat.endpoint('config'))).json()).locale).toBe('en');
    const bad = await fetch(chat.endpoint('config?locale=fr'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid_field', field: 'locale' });
  });

  it('refuses a key no web chat binding has, and one that cannot be a key', async () => {
    const unknown = await fetch(chat.endpoint('config', 'nobody'));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'unknown_key', message: expect.stringContaining('switchboard binding set webchat nobody') });
    // A binding of another channel at that address is not a web chat key.
    await setBinding(chat.api.services.db, { channel: 'sms', address: 'sms-line', flowId: 'shop' });
    expect((await fetch(chat.endpoint('config', 'sms-line'))).status).toBe(404);
    const malformed = await fetch(chat.endpoint('config', 'no%20spaces'));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatchObject({ field: 'key' });
    expect((await fetch(`${chat.url}/api/webchat/${SHOP_KEY}/nothing-here`)).status).toBe(404);
  });

  it('opens a conversation so the bot greets first, once', async () => {
    const visitorId = randomId();
    const opened = await chat.post('start', { visitorId });
    expect(opened.status).toBe(202);
    const { conversationId, started } = await opened.json();
    expect(started).toBe(true);
    const history = await chat.history(visitorId);
    expect(history.conversation).toMatchObject({ id: conversationId, status: 'active', at: 'menu' });
    const greeting = history.messages.find((m) => m.direction === 'out');
    expect(greeting).toMatchObject({ author: 'bot', text: 'Hi! Track an order or say goodbye?', quickReplies: [{ id: 'track', label: 'Track my order' }, { id: 'bye', label: 'Goodbye' }] });

    const again = await chat.post('start', { visitorId });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ conversationId, started: false });
    expect((await chat.history(visitorId)).messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('starts one conversation when two tabs open the chat at once', async () => {
    const visitorId = randomId();
    const answers = await Promise.all([chat.post('start', { visitorId }), chat.post('start', { visitorId })]);
    const ids = await Promise.all(answers.map(async (answer) => (await answer.json()).conversationId));
    expect(ids[0]).toBe(ids[1]);
    expect((await chat.history(visitorId)).messages.filter((m) => m.direction === 'out')).toHaveLength(1);
  });

  it('takes a tapped quick reply (its id, its label as the text) and runs the flow', async () => {
    const visitorId = randomId();
    await chat.post('start', { visitorId });
    const tapped = await say(visitorId, { payload: 'track', text: 'Track my order' });
    expect(tapped.status).toBe(202);
    const history = await chat.history(visitorId);
    expect(history.conversation).toMatchObject({ status: 'ended', outcome: 'resolved' });
    expect(history.messages.map((m) => `${m.author}: ${m.text}`)).toEqual([
      // The opening (a payload alone) is not shown: it has no words.
      'bot: Hi! Track an order or say goodbye?',
      'customer: Track my order',
      'bot: It ships tomorrow.',
      'bot: Thanks for chatting!',
    ]);
  });

  it('applies a resent message once and answers as the first time', async () => {
    const visitorId = randomId();
    const body = { visitorId, messageId: randomId(), text: 'bye' };
    await chat.post('start', { visitorId });
    const answers = await Promise.all([chat.post('messages', body), chat.post('messages', body)]);
    expect(answers.map((a) => a.status)).toEqual([202, 202]);
    const [first, second] = await Promise.all(answers.map((a) => a.json()));
    expect(second).toEqual(first);
    expect(first).toEqual({ conversationId: expect.any(String), messageId: body.messageId });
    const resent = await chat.post('messages', body);
    expect(await resent.json()).toEqual(first);
    const history = await chat.history(visitorId);
    expect(history.messages.filter((m) => m.text === 'bye')).toHaveLength(1);
  });

  it('keeps visitors apart even when their message ids are the same', async () => {
    const messageId = randomId();
    const [alice, bob] = [randomId(), randomId()];
    const answers = await Promise.all([alice, bob].map((visitorId) => chat.post('messages', { visitorId, messageId, text: 'hello' })));
    const [a, b] = await Promise.all(answers.map((answer) => answer.json()));
    expect(a.conversationId).not.toBe(b.conversationId);
    expect((await chat.history(bob)).messages[0]).toMatchObject({ text: 'hello', conversationId: b.conversationId });
  });

  it('starts a new conversation when the visitor writes after the last one ended, and shows both', async () => {
    const visitorId = randomId();
    const first = await (await say(visitorId, { text: 'hello' })).json();
    await say(visitorId, { text: 'bye' });
    expect((await chat.history(visitorId)).conversation).toMatchObject({ id: first.conversationId, status: 'ended' });

    const second = await (await say(visitorId, { text: 'hello again' })).json();
    expect(second.conversationId).not.toBe(first.conversationId);
    const history = await chat.history(visitorId);
    expect(history.conversation).toMatchObject({ id: second.conversationId, status: 'active', at: 'menu' });
    expect(history.messages.map((m) => [m.conversationId === first.conversationId ? 1 : 2, m.text])).toEqual([
      [1, 'hello'],
      [1, 'Hi! Track an order or say goodbye?'],
      [1, 'bye'],
      [1, 'Thanks for chatting!'],
      [2, 'hello again'],
      [2, 'Hi! Track an order or say goodbye?'],
    ]);
    // Positions increase across conversations: a stream resumes from any of them.
    const ids = history.messages.map((m) => m.id);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('has an empty history for a visitor who never wrote', async () => {
    expect(await chat.history(randomId())).toEqual({ conversation: null, messages: [] });
  });

  it('refuses bad input, naming the field, and stores nothing', async () => {
    const visitorId = randomId();
    const messageId = randomId();
    const before = await chat.eventCount();
    const cases: [string, unknown, string][] = [
      ['messages', { messageId, text: 'hi' }, 'visitorId'],
      ['messages', { visitorId: 'too-short', messageId, text: 'hi' }, 'visitorId'],
      ['messages', { visitorId: `${randomId()}/../x`, messageId, text: 'hi' }, 'visitorId'],
      ['messages', { visitorId: 'v'.repeat(65), messageId, text: 'hi' }, 'visitorId'],
      ['messages', { visitorId, text: 'hi' }, 'messageId'],
      ['messages', { visitorId, messageId: 'a b c d e f', text: 'hi' }, 'messageId'],
      ['messages', { visitorId, messageId }, 'text'],
      ['messages', { visitorId, messageId, text: '   ' }, 'text'],
      ['messages', { visitorId, messageId, text: 'x'.repeat(2_001) }, 'text'],
      ['messages', { visitorId, messageId, text: 'hi', channel: 'sms' }, 'channel'],
      ['messages', [], ''],
      ['start', { visitorId: 42 }, 'visitorId'],
      ['start', {}, 'visitorId'],
    ];
    for (const [path, body, field] of cases) {
      const response = await chat.post(path, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe('invalid_field');
      if (field) expect(error.field, JSON.stringify(body)).toBe(field);
    }
    const notJson = await fetch(chat.endpoint('messages'), { method: 'POST', body: '{"visitorId":' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');
    const huge = await chat.post('messages', { visitorId, messageId, text: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await fetch(chat.endpoint('history'))).status).toBe(400);
    expect((await chat.post('messages', { visitorId, messageId, text: 'hi' }, 'nobody')).status).toBe(404);
    expect(await chat.eventCount()).toBe(before);
    expect(await chat.history(visitorId)).toEqual({ conversation: null, messages: [] });
  });

  it('says so when the bound flow has no published version', async () => {
    await createFlow(chat.api.services.db, { id: 'unpublished', name: 'Unpublished' }, null);
    await setBinding(chat.api.services.db, { channel: 'webchat', address: 'draft-only', flowId: 'unpublished' });
    const response = await chat.post('messages', { visitorId: randomId(), messageId: randomId(), text: 'hi' }, 'draft-only');
    expect(response.status).toBe(409);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.json()).error.message).toContain('no published version');
  });
});
