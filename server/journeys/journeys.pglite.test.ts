// Cross-channel journeys over HTTP on PGlite: a journey on the API channel hands over to web
// chat with a signed link; identities link and merge contacts, and merges undo exactly.
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { createApiKey } from '../auth/apiKeys';
import { contactIdentities, contacts, conversations, messages, timers } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { setBinding } from '../runtime/bindings';
import { clientAs } from '../testing/apiHarness';
import { expectTrpcError } from '../testing/expectError';
import { randomId, startWebchat, type WebchatHarness } from '../webchat/webchatHarness';
import { continueTarget } from './continueTarget';
import { signContinueToken } from './continueToken';

/** On the API channel: sends a chat link, continues when the customer writes in web chat. */
const journeyFlow = {
  format: FLOW_FORMAT,
  id: 'journey',
  name: 'Journey',
  nodes: [
    { id: 'start', type: 'start', data: { channels: ['api'] } },
    { id: 'to-chat', type: 'channel', data: { channel: 'webchat', via: 'api', text: 'Continue in chat: {{ link }}', timeout: '2h' } },
    { id: 'welcome', type: 'message', data: { text: 'Welcome to chat. You wrote "{{ input.text }}" on {{ channel }}.' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
    { id: 'late', type: 'end', data: { outcome: 'timeout' } },
  ],
  edges: [
    { source: 'start', target: 'to-chat' },
    { source: 'to-chat', sourceHandle: 'continued', target: 'welcome' },
    { source: 'to-chat', sourceHandle: 'timeout', target: 'late' },
    { source: 'welcome', target: 'done' },
  ],
};

/** Any channel: asks for an email, links it, then waits for a reply a day. */
const linkerFlow = {
  format: FLOW_FORMAT,
  id: 'linker',
  name: 'Linker',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'Your email?', variable: 'email', kind: 'email', timeout: '1d' } },
    { id: 'link', type: 'identify', data: { kind: 'email', address: '{{ vars.email }}' } },
    { id: 'linked', type: 'message', data: { text: 'Thanks, {{ contact.email }} is linked.' } },
    { id: 'hold', type: 'wait', data: { mode: 'reply', timeout: '1d' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
    { id: 'bad', type: 'end', data: { outcome: 'invalid' } },
  ],
  edges: [
    { source: 'start', target: 'ask' },
    { source: 'ask', target: 'link' },
    { source: 'ask', sourceHandle: 'invalid', target: 'bad' },
    { source: 'ask', sourceHandle: 'noInput', target: 'bad' },
    { source: 'link', sourceHandle: 'linked', target: 'linked' },
    { source: 'link', sourceHandle: 'invalid', target: 'bad' },
    { source: 'linked', target: 'hold' },
    { source: 'hold', sourceHandle: 'reply', target: 'done' },
    { source: 'hold', sourceHandle: 'timeout', target: 'done' },
  ],
};

/** Any channel: waits for a reply a day (a contact with an open conversation). */
const waiterFlow = {
  format: FLOW_FORMAT,
  id: 'waiter',
  name: 'Waiter',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hi', type: 'message', data: { text: 'We got your message.' } },
    { id: 'hold', type: 'wait', data: { mode: 'reply', timeout: '1d' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
  ],
  edges: [
    { source: 'start', target: 'hi' },
    { source: 'hi', target: 'hold' },
    { source: 'hold', sourceHandle: 'reply', target: 'done' },
    { source: 'hold', sourceHandle: 'timeout', target: 'done' },
  ],
};

interface ConversationBody {
  id: string;
  contactId: string;
  status: string;
  at: string | null;
  outcome: string | null;
  messages: { direction: string; channel: string; text: string | null }[];
}

describe('cross-channel journeys and identity (pglite)', () => {
  let chat: WebchatHarness;
  let apiKey: string;

  beforeAll(async () => {
    chat = await startWebchat('pglite');
    const { db } = chat.api.services;
    apiKey = (await createApiKey(db, 'test', null)).key;
    for (const flow of [journeyFlow, linkerFlow, waiterFlow]) {
      await createFlow(db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
      await publishDraft(db, { id: flow.id }, null);
    }
    await setBinding(db, { channel: 'api', flowId: 'journey' });
    await setBinding(db, { channel: 'api', address: 'linker', flowId: 'linker' });
    for (const channel of ['email', 'voice', 'sms'] as const) await setBinding(db, { channel, flowId: 'waiter' });
  });
  afterAll(async () => {
    await chat?.close();
  });

  const ingest = async (body: Record<string, unknown>): Promise<{ conversationId: string }> => {
    const response = await fetch(`${chat.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    return response.json();
  };
  const view = async (id: string): Promise<ConversationBody> => {
    await chat.api.services.runtime.idle();
    const response = await fetch(`${chat.url}/api/v1/conversations/${id}`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(response.status).toBe(200);
    return response.json();
  };
  const exchange = (visitorId: string, token: string) => chat.post('continue', { visitorId, token });
  /** Starts a journey on the API channel; returns it with the token of the link it sent. */
  const startJourney = async () => {
    const { conversationId } = await ingest({ channel: 'api', from: `caller-${randomId(6)}`, text: 'hello' });
    const waiting = await view(conversationId);
    const sent = waiting.messages.find((m) => m.direction === 'out')?.text ?? '';
    const token = /\/chat\/continue\/([A-Za-z0-9_-]+)$/.exec(sent)?.[1] ?? '';
    return { conversationId, waiting, sent, token };
  };

  it('sends a signed link; opening it binds a fresh visitor, whose message continues the same conversation', async () => {
    const { conversationId, waiting, sent, token } = await startJourney();
    expect(waiting).toMatchObject({ status: 'active', at: 'to-chat' });
    expect(sent).toMatch(/^Continue in chat: http:\/\/localhost:\d+\/chat\/continue\/[A-Za-z0-9_-]{72}$/);

    const visitorId = randomId();
    const opened = await exchange(visitorId, token);
    expect(opened.status).toBe(200);
    expect(await opened.json()).toEqual({ conversationId, contactId: waiting.contactId, linked: 'added' });
    // Opening it again (a reload) changes nothing.
    expect(await (await exchange(visitorId, token)).json()).toMatchObject({ linked: 'known' });

    // The widget shows the journey so far, the API channel's messages labelled by channel.
    const history = await chat.history(visitorId);
    expect(history.conversation).toMatchObject({ id: conversationId, status: 'active', at: 'to-chat' });
    expect(history.messages.map((m) => [m.channel, m.text])).toEqual([
      ['api', 'hello'],
      ['api', sent],
    ]);

    const said = await chat.post('messages', { visitorId, messageId: randomId(), text: 'I am here' });
    expect((await said.json()).conversationId).toBe(conversationId);
    const ended = await view(conversationId);
    expect(ended).toMatchObject({ status: 'ended', outcome: 'resolved' });
    expect(ended.messages.map((m) => [m.direction, m.channel, m.text])).toEqual([
      ['in', 'api', 'hello'],
      ['out', 'api', sent],
      ['in', 'webchat', 'I am here'],
      ['out', 'webchat', 'Welcome to chat. You wrote "I am here" on webchat.'],
    ]);
  });

  it('refuses expired, tampered and spent links, changing nothing; the page says which', async () => {
    const { db, linkSecret } = chat.api.services;
    const { conversationId, waiting, token } = await startJourney();
    const visitorId = randomId();
    const expired = signContinueToken({ conversationId, contactId: waiting.contactId, channel: 'webchat', expiresAt: new Date(Date.now() - 1000) }, linkSecret);
    const refusedExpired = await exchange(visitorId, expired);
    expect(refusedExpired.status).toBe(410);
    expect((await refusedExpired.json()).error).toMatchObject({ code: 'link_expired' });

    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, -1)}${last}`;
    const refusedTampered = await exchange(visitorId, tampered);
    expect(refusedTampered.status).toBe(400);
    expect((await refusedTampered.json()).error).toMatchObject({ code: 'link_invalid', field: 'token' });
    const forged = signContinueToken({ conversationId, contactId: waiting.contactId, channel: 'webchat', expiresAt: new Date(Date.now() + 60_000) }, 'x'.repeat(32));
    expect((await exchange(visitorId, forged)).status).toBe(400);
    expect(await db.select().from(contactIdentities).where(eq(contactIdentities.address, visitorId))).toEqual([]);

    const now = new Date();
    expect(await continueTarget(db, linkSecret, expired, now)).toEqual({ state: 'expired' });
    expect(await continueTarget(db, linkSecret, tampered, now)).toEqual({ state: 'invalid' });
    // No web-chat key is bound to the journey's flow: the demo key when bound, else "no chat".
    expect(await continueTarget(db, linkSecret, token, now)).toEqual({ state: 'no-chat' });
    await setBinding(db, { channel: 'webchat', address: 'journey-chat', flowId: 'journey' });
    expect(await continueTarget(db, linkSecret, token, now)).toEqual({ state: 'ok', key: 'journey-chat', conversationId });

    // Once the journey has ended, its link opens nothing.
    await exchange(visitorId, token);
    await chat.post('messages', { visitorId, messageId: randomId(), text: 'done' });
    expect((await view(conversationId)).status).toBe('ended');
    const spent = await exchange(randomId(), token);
    expect(spent.status).toBe(410);
    expect((await spent.json()).error).toMatchObject({ code: 'conversation_ended' });
    expect(await continueTarget(db, linkSecret, token, now)).toEqual({ state: 'ended' });
  });

  it('merges the contact a visitor already had: its open chat ends as merged, the journey goes on', async () => {
    const visitorId = randomId();
    const chatted = await (await chat.post('start', { visitorId })).json();
    const { conversationId, waiting, token } = await startJourney();
    const opened = await (await exchange(visitorId, token)).json();
    expect(opened).toMatchObject({ conversationId, linked: 'merged', mergeId: expect.any(String) });
    const [earlier] = await chat.api.services.db.select().from(conversations).where(eq(conversations.id, chatted.conversationId));
    expect(earlier).toMatchObject({ status: 'ended', outcome: 'merged', contactId: waiting.contactId });
    const history = await chat.history(visitorId);
    expect(history.conversation?.id).toBe(conversationId);
    // The earlier chat stays on screen above the journey.
    expect(history.messages[0]).toMatchObject({ conversationId: chatted.conversationId, text: 'Hi! Track an order or say goodbye?' });
    await chat.post('messages', { visitorId, messageId: randomId(), text: 'here' });
    expect(await view(conversationId)).toMatchObject({ status: 'ended', outcome: 'resolved' });
  });

  it('treats a call and an SMS from one number (however written) as one contact', async () => {
    const call = await ingest({ channel: 'voice', from: '+66 81 000 0009', text: 'hello' });
    const text = await ingest({ channel: 'sms', from: '+66810000009', text: 'it is me again' });
    expect(text.conversationId).toBe(call.conversationId);
    const identities = await chat.api.services.db.select().from(contactIdentities).where(eq(contactIdentities.address, '+66810000009'));
    expect(identities).toMatchObject([{ channel: 'phone' }]);
    const ended = await view(call.conversationId);
    expect(ended.messages.map((m) => [m.channel, m.text])).toEqual([
      ['voice', 'hello'],
      ['voice', 'We got your message.'],
      ['sms', 'it is me again'],
    ]);
  });

  it('links a verified email in the step, merging the contact that had it; unmerge restores every row', async () => {
    const { db } = chat.api.services;
    // Ana wrote by email first: a contact with an open conversation, messages and a timer.
    const byEmail = await ingest({ channel: 'email', from: 'Ana@Example.com', text: 'my parcel?' });
    const ana = (await view(byEmail.conversationId)).contactId;
    // Then on the API channel, as a stranger, she gives that address.
    const caller = await ingest({ channel: 'api', from: `ana-${randomId(6)}`, to: 'linker', text: 'hi', contact: { name: 'Ana P' } });
    const stranger = (await view(caller.conversationId)).contactId;
    const before = await rowsOf(db, [ana, stranger]);

    await ingest({ channel: 'api', from: before.identities.find((row) => row.contactId === stranger)?.address ?? '', text: ' ANA@example.com ' });
    const linked = await view(caller.conversationId);
    expect(linked).toMatchObject({ status: 'active', at: 'hold', contactId: stranger });
    expect(linked.messages.at(-1)?.text).toBe('Thanks, ana@example.com is linked.');
    const merged = await rowsOf(db, [ana, stranger]);
    expect(merged.identities.map((row) => [row.channel, row.address, row.contactId === stranger])).toEqual(
      expect.arrayContaining([['email', 'ana@example.com', true]]),
    );
    expect(merged.identities.every((row) => row.contactId === stranger)).toBe(true);
    expect(merged.conversations.every((row) => row.contactId === stranger)).toBe(true);
    expect(merged.messages.every((row) => row.contactId === stranger)).toBe(true);
    expect(merged.conversations.find((row) => row.id === byEmail.conversationId)).toMatchObject({ status: 'ended', outcome: 'merged' });
    expect(merged.timers.filter((row) => row.conversationId === byEmail.conversationId).every((row) => row.cancelledAt !== null)).toBe(true);
    expect(merged.contacts.find((row) => row.id === stranger)).toMatchObject({ name: 'Ana P', email: 'ana@example.com' });

    const admin = await clientAs(chat.api, 'admin');
    const [merge] = await admin.contacts.merges.query({ contactId: stranger });
    expect(merge).toMatchObject({ survivorId: stranger, mergedId: ana, reason: 'identify', identity: 'email:ana@example.com', conversationId: caller.conversationId, undoneAt: null });
    expect(merge?.moved).toMatchObject({ identities: 1, conversations: 1, messages: 2, ended: byEmail.conversationId });
    const viewer = await clientAs(chat.api, 'viewer');
    await expectTrpcError(viewer.contacts.unmerge.mutate({ mergeId: merge?.id ?? '' }), 'FORBIDDEN');
    await expectTrpcError(viewer.contacts.merges.query(), 'FORBIDDEN');

    await admin.contacts.unmerge.mutate({ mergeId: merge?.id ?? '' });
    const after = await rowsOf(db, [ana, stranger]);
    // Everything Ana had is hers again as it was; the stranger keeps only what happened to them.
    const anas = <T extends { contactId: string }>(rows: T[]): T[] => rows.filter((row) => row.contactId === ana);
    expect(anas(after.identities)).toEqual(anas(before.identities));
    expect(anas(after.conversations).map(withoutUpdated)).toEqual(anas(before.conversations).map(withoutUpdated));
    expect(anas(after.messages)).toEqual(anas(before.messages));
    expect(after.timers.filter((row) => row.conversationId === byEmail.conversationId)).toEqual(before.timers.filter((row) => row.conversationId === byEmail.conversationId));
    expect(after.contacts).toEqual(before.contacts.map((row) => (row.id === stranger ? { ...row, updatedAt: expect.any(Date) } : row)));
    expect(after.identities.filter((row) => row.contactId === stranger)).toEqual(before.identities.filter((row) => row.contactId === stranger));
    expect((await admin.contacts.merges.query({ contactId: stranger }))[0]?.undoneAt).toEqual(expect.any(String));
    await expectTrpcError(admin.contacts.unmerge.mutate({ mergeId: merge?.id ?? '' }), 'CONFLICT');

    // Ana writes by email again: her own conversation, reopened, takes it.
    const again = await ingest({ channel: 'email', from: 'ana@example.com', text: 'hello?' });
    expect(again.conversationId).toBe(byEmail.conversationId);
    expect(await view(byEmail.conversationId)).toMatchObject({ status: 'ended', outcome: 'resolved', contactId: ana });
  });
});

function withoutUpdated<T extends { updatedAt: Date }>(row: T): Omit<T, 'updatedAt'> {
  const { updatedAt: _updatedAt, ...rest } = row;
  return rest;
}

type Db = WebchatHarness['api']['services']['db'];

/** Every row of these contacts and of the conversations they have now, in a stable order. */
async function rowsOf(db: Db, contactIds: string[]) {
  const owned = await db.select().from(conversations).where(inArray(conversations.contactId, contactIds)).orderBy(asc(conversations.id));
  const ids = owned.map((row) => row.id);
  return {
    contacts: await db.select().from(contacts).where(inArray(contacts.id, contactIds)).orderBy(asc(contacts.id)),
    identities: await db.select().from(contactIdentities).where(inArray(contactIdentities.contactId, contactIds)).orderBy(asc(contactIdentities.id)),
    conversations: owned,
    messages: ids.length === 0 ? [] : await db.select().from(messages).where(inArray(messages.conversationId, ids)).orderBy(asc(messages.position)),
    timers: ids.length === 0 ? [] : await db.select().from(timers).where(inArray(timers.conversationId, ids)).orderBy(asc(timers.id)),
  };
}
