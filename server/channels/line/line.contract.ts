// The LINE channel end to end: signed webhooks in, replies and pushes out to a fake
// Messaging API on 127.0.0.1, through the same handler and adapters the app wires from env.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contactIdentities, contacts, conversations, events, messages } from '../../db/schema';
import { readFlowDocument } from '../../flows/document';
import { createFlow } from '../../flows/flowStore';
import { publishDraft } from '../../flows/publishing';
import { setBinding } from '../../runtime/bindings';
import { startApi, type ApiHarness } from '../../testing/apiHarness';
import type { DatabaseKind } from '../../testing/database';
import { lineAdapter } from './adapter';
import { handleLineWebhook } from './handler';
import { startFakeLineApi, type FakeLineApi } from './fakeLineApi';
import { shopFlowFor } from '../../testing/shopFlow';

const SECRET = 'line-channel-secret-for-tests';
const TOKEN = 'line-access-token-for-tests';
const BOT = 'Ubot0000000000000000000000000000';

const shopFlow = shopFlowFor({ id: 'line-shop', name: 'LINE shop', channel: 'line', prompt: 'Hi! Track an order or say goodbye?', trackLabel: 'Track my order, please', goodbye: 'Thanks for chatting!', timeout: '10m' });

export function describeLineContract(kind: DatabaseKind): void {
  describe(`LINE channel (${kind})`, () => {
    let fake: FakeLineApi;
    let api: ApiHarness;

    beforeAll(async () => {
      fake = await startFakeLineApi(TOKEN, { Usomchai: 'Somchai' });
      vi.stubEnv('LINE_CHANNEL_SECRET', SECRET);
      vi.stubEnv('LINE_CHANNEL_ACCESS_TOKEN', TOKEN);
      vi.stubEnv('LINE_API_BASE_URL', fake.url);
      api = await startApi(kind);
      await publish(shopFlow);
      await setBinding(api.services.db, { channel: 'line', flowId: 'line-shop' });
    });
    afterAll(async () => {
      await api?.close();
      await fake?.close();
      vi.unstubAllEnvs();
    });
    afterEach(() => {
      fake.calls.length = 0;
    });

    async function publish(document: unknown) {
      const doc = readFlowDocument(document);
      await createFlow(api.services.db, { id: doc.id, name: doc.name, content: doc }, null);
      await publishDraft(api.services.db, { id: doc.id }, null);
    }

    function post(body: string, signature: string | null) {
      return fetch(`${api.url}/api/channels/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-line-signature': signature }) },
        body,
      });
    }

    /** Posts events as LINE does: signed with the channel secret; waits until they are applied. */
    async function deliver(...lineEvents: object[]) {
      const body = JSON.stringify({ destination: BOT, events: lineEvents });
      const response = await post(body, createHmac('sha256', SECRET).update(body).digest('base64'));
      expect(response.status).toBe(200);
      await api.services.runtime.idle();
      return response;
    }

    function event(type: string, userId: string, fields: Record<string, unknown> = {}) {
      return {
        type,
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId },
        webhookEventId: `01H${randomBytes(10).toString('hex').toUpperCase()}`,
        deliveryContext: { isRedelivery: false },
        ...fields,
      };
    }
    const text = (userId: string, words: string, fields: Record<string, unknown> = {}) =>
      event('message', userId, { replyToken: fake.issueToken(userId), message: { type: 'text', id: randomBytes(6).toString('hex'), quoteToken: 'q', text: words }, ...fields });
    const postback = (userId: string, data: string) => event('postback', userId, { replyToken: fake.issueToken(userId), postback: { data } });

    const eventCount = async () => (await api.services.db.select({ n: count() }).from(events))[0]?.n ?? 0;

    async function conversationOf(userId: string) {
      const [row] = await api.services.db
        .select({ conversation: conversations, name: contacts.name })
        .from(contactIdentities)
        .innerJoin(contacts, eq(contacts.id, contactIdentities.contactId))
        .leftJoin(conversations, eq(conversations.contactId, contacts.id))
        .where(and(eq(contactIdentities.channel, 'line'), eq(contactIdentities.address, userId)));
      return row;
    }

    it('refuses a missing or wrong signature with 403 and stores nothing', async () => {
      const body = JSON.stringify({ destination: BOT, events: [text('Ustranger', 'hi')] });
      expect((await post(body, null)).status).toBe(403);
      expect((await post(body, createHmac('sha256', 'another-secret').update(body).digest('base64'))).status).toBe(403);
      // Signed, then changed on the way.
      const signed = createHmac('sha256', SECRET).update(body).digest('base64');
      expect((await post(body.replace('hi', 'ho'), signed)).status).toBe(403);
      expect(await eventCount()).toBe(0);
      expect(await conversationOf('Ustranger')).toBeUndefined();
    });

    it('answers 503 while no channel secret is configured, storing nothing', async () => {
      const body = JSON.stringify({ destination: BOT, events: [text('Unset', 'hi')] });
      const request = new Request('http://localhost/api/channels/line', { method: 'POST', headers: { 'x-line-signature': 'x' }, body });
      const response = await handleLineWebhook(request, api.services, { config: { channelSecret: undefined, accessToken: TOKEN, baseURL: fake.url } });
      expect(response.status).toBe(503);
      expect(await eventCount()).toBe(0);
    });

    it('answers a bad body with 400 naming the field, storing none of its events', async () => {
      const body = JSON.stringify({ destination: BOT, events: [text('Ubad', 'hi'), { ...postback('Ubad', 'track'), webhookEventId: undefined }] });
      const response = await post(body, createHmac('sha256', SECRET).update(body).digest('base64'));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ field: 'events.1.webhookEventId' });
      expect(await eventCount()).toBe(0);
    });

    it('replies with the menu as quick replies; a postback picks the option; the profile names the contact', async () => {
      await deliver(text('Usomchai', 'hello'));
      expect(fake.calls).toHaveLength(1);
      const [greeting] = fake.calls;
      expect(greeting).toMatchObject({ kind: 'reply', to: 'Usomchai' });
      expect(greeting?.messages[0]).toMatchObject({ type: 'text', text: 'Hi! Track an order or say goodbye?' });
      expect(greeting?.messages[0]?.quickReply?.items).toEqual([
        { type: 'action', action: { type: 'postback', label: 'Track my order, ple…', data: 'track', displayText: 'Track my order, please' } },
        { type: 'action', action: { type: 'postback', label: 'Goodbye', data: 'bye', displayText: 'Goodbye' } },
      ]);

      fake.calls.length = 0;
      await deliver(postback('Usomchai', 'track'));
      // One reply token, two messages: the first replies, the second is pushed.
      expect(fake.calls.map((call) => [call.kind, call.messages[0]?.text])).toEqual([
        ['reply', 'It ships tomorrow.'],
        ['push', 'Thanks for chatting!'],
      ]);
      expect(fake.calls[1]?.retryKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const row = await conversationOf('Usomchai');
      expect(row?.conversation).toMatchObject({ status: 'ended', outcome: 'resolved', channel: 'line' });
      await vi.waitFor(async () => expect((await conversationOf('Usomchai'))?.name).toBe('Somchai'));
      expect(fake.profileCalls).toEqual(['Usomchai']);
    });

    it('applies a redelivered webhook once', async () => {
      const first = text('Uredeliver', 'hello');
      await deliver(first);
      const stored = await eventCount();
      const calls = fake.calls.length;
      await deliver({ ...first, deliveryContext: { isRedelivery: true } });
      expect(await eventCount()).toBe(stored);
      expect(fake.calls).toHaveLength(calls);
      const transcript = await api.services.db.select().from(messages).where(eq(messages.conversationId, (await conversationOf('Uredeliver'))?.conversation?.id ?? ''));
      expect(transcript.filter((message) => message.direction === 'in')).toHaveLength(1);
    });

    it('pushes when LINE refuses the reply token, and when the token is older than 50 s', async () => {
      const token = fake.issueToken('Uslow');
      fake.expire(token);
      await deliver(text('Uslow', 'hello', { replyToken: token }));
      expect(fake.calls.map((call) => call.kind)).toEqual(['push']);
      expect(fake.calls[0]?.messages[0]?.text).toBe('Hi! Track an order or say goodbye?');

      fake.calls.length = 0;
      // The event happened a minute ago (a late redelivery, a slow queue): its token is not tried.
      const stale = text('Uslow', 'track', { timestamp: Date.now() - 60_000 });
      await deliver(stale);
      expect(fake.calls.map((call) => call.kind)).toEqual(['push', 'push']);
      expect(fake.calls.map((call) => call.messages[0]?.text)).toEqual(['It ships tomorrow.', 'Thanks for chatting!']);
    });

    it('retries a push with the same retry key, so LINE delivers it once', async () => {
      const adapter = lineAdapter({ db: api.services.db, accessToken: TOKEN, baseURL: fake.url });
      await deliver(event('follow', 'Uretry', { replyToken: fake.issueToken('Uretry') }));
      await deliver(text('Uretry', 'hello'));
      const conversationId = (await conversationOf('Uretry'))?.conversation?.id ?? '';
      fake.calls.length = 0;
      fake.failAfterAcceptingNextPush();
      const message = { conversationId, channel: 'line' as const, text: 'Your parcel left the warehouse.', quickReplies: [], mediaUrl: null, idempotencyKey: 'retry-test-1' };
      await expect(adapter.send(message)).rejects.toThrow(/LINE push answered 500/);
      await adapter.send(message); // LINE answers 409: it has this retry key, the message went out.
      expect(fake.calls).toHaveLength(1);
      expect(fake.calls[0]).toMatchObject({ kind: 'push', to: 'Uretry' });
    });

    it('a follow records the contact and starts nothing; an unfollow ends the journey and stops pushes', async () => {
      await deliver(event('follow', 'Ufollower', { replyToken: fake.issueToken('Ufollower') }));
      const followed = await conversationOf('Ufollower');
      expect(followed).toBeDefined();
      expect(followed?.conversation).toBeNull();
      expect(fake.calls).toHaveLength(0);

      await deliver(text('Ufollower', 'hello'));
      const open = (await conversationOf('Ufollower'))?.conversation;
      expect(open).toMatchObject({ status: 'active', at: 'menu' });
      await deliver(event('unfollow', 'Ufollower'));
      expect((await conversationOf('Ufollower'))?.conversation).toMatchObject({ status: 'ended', outcome: 'abandoned' });

      const adapter = lineAdapter({ db: api.services.db, accessToken: TOKEN, baseURL: fake.url });
      const calls = fake.calls.length;
      await expect(adapter.send({ conversationId: open?.id ?? '', channel: 'line', text: 'Still there?', quickReplies: [], mediaUrl: null, idempotencyKey: 'after-unfollow' })).rejects.toThrow(/unfollowed/);
      expect(fake.calls).toHaveLength(calls);
      // An unfollow with nothing open is fine too.
      await deliver(event('unfollow', 'Unobody'));
    });

    it('runs the telco-support example over LINE: intent, menu as quick replies, postback', async () => {
      await publish(JSON.parse(readFileSync('flows/examples/telco-support.flow.json', 'utf8')));
      await setBinding(api.services.db, { channel: 'line', address: 'Utelco', flowId: 'telco-support' });
      const user = 'Ucustomer-telco';
      const say = async (...lineEvents: object[]) => {
        const body = JSON.stringify({ destination: 'Utelco', events: lineEvents });
        expect((await post(body, createHmac('sha256', SECRET).update(body).digest('base64'))).status).toBe(200);
        await api.services.runtime.idle();
      };
      await say(text(user, 'สวัสดีค่ะ'));
      const texts = () => fake.calls.flatMap((call) => call.messages.map((message) => message.text ?? ''));
      expect(texts().join('\n')).toContain('สบายเน็ต');
      fake.calls.length = 0;
      await say(text(user, 'เน็ตบ้านใช้ไม่ได้ตั้งแต่เช้าเลยค่ะ'));
      expect(texts().join('\n')).toContain('ถอดปลั๊กเราเตอร์');
      const menu = fake.calls.flatMap((call) => call.messages).find((message) => message.quickReply);
      const fixed = menu?.quickReply?.items.find((item) => item.action.data === 'fixed');
      expect(fixed?.action.label.length).toBeLessThanOrEqual(20);
      fake.calls.length = 0;
      await say(postback(user, 'fixed'));
      expect(texts().join('\n')).toContain('ดีใจที่ใช้งานได้แล้ว');
      expect((await conversationOf(user))?.conversation).toMatchObject({ flowId: 'telco-support', status: 'ended', outcome: 'contained' });
    });
  });
}
