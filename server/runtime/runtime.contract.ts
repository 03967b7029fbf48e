// The ingest API and the runtime, driven over HTTP with an API key, on a real database.
import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { createApiKey } from '../auth/apiKeys';
import { contactIdentities, contacts, events, messages } from '../db/schema';
import { createFlow, saveDraft } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { startApi, type ApiHarness, type ApiOptions } from '../testing/apiHarness';
import type { DatabaseKind } from '../testing/database';
import { serveFetch, type FetchServer } from '../http/serveFetch';
import { readFlowDocument } from '../flows/document';
import { setBinding } from './bindings';
import { EmbeddedQueue } from './queue';
import { Runtime } from './runtime';

/** Greets, asks for 1 or 2, answers and ends; the greeting text carries the version. */
function menuFlow(version: string) {
  return {
    format: FLOW_FORMAT,
    id: 'desk',
    name: 'Desk',
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'hello', type: 'message', data: { text: `Hello from ${version}` } },
      {
        id: 'menu',
        type: 'menu',
        data: { prompt: 'Press 1 for sales, 2 for support', options: [{ id: 'sales', label: 'Sales', keys: ['1'], match: ['sales'] }, { id: 'support', label: 'Support', keys: ['2'], match: ['support'] }] },
      },
      { id: 'sales', type: 'message', data: { text: 'Sales it is.' } },
      { id: 'support', type: 'message', data: { text: 'Support it is.' } },
      { id: 'done', type: 'end', data: { outcome: 'resolved' } },
      { id: 'lost', type: 'end', data: { outcome: 'abandoned' } },
    ],
    edges: [
      { source: 'start', target: 'hello' },
      { source: 'hello', target: 'menu' },
      { source: 'menu', sourceHandle: 'sales', target: 'sales' },
      { source: 'menu', sourceHandle: 'support', target: 'support' },
      { source: 'menu', sourceHandle: 'noMatch', target: 'lost' },
      { source: 'menu', sourceHandle: 'noInput', target: 'lost' },
      { source: 'sales', target: 'done' },
      { source: 'support', target: 'done' },
    ],
  };
}

/** Looks the status up over HTTP, waits a second, and ends; a failed lookup ends at once. */
function lookupFlow(base: string) {
  return {
    format: FLOW_FORMAT,
    id: 'lookup',
    name: 'Lookup',
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'call', type: 'http', data: { url: `${base}/orders/{{ contact.phone }}`, timeout: '2s', save: [{ variable: 'status', path: 'status' }] } },
      { id: 'found', type: 'message', data: { text: 'Your order is {{ vars.status }}.' } },
      { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '1s' } },
      { id: 'later', type: 'message', data: { text: 'Anything else? Bye for now.' } },
      { id: 'failed', type: 'message', data: { text: 'The order system is down.' } },
      { id: 'done', type: 'end', data: { outcome: 'resolved' } },
      { id: 'broken', type: 'end', data: { outcome: 'error' } },
    ],
    edges: [
      { source: 'start', target: 'call' },
      { source: 'call', sourceHandle: 'ok', target: 'found' },
      { source: 'call', sourceHandle: 'error', target: 'failed' },
      { source: 'found', target: 'pause' },
      { source: 'pause', target: 'later' },
      { source: 'later', target: 'done' },
      { source: 'failed', target: 'broken' },
    ],
  };
}

interface ConversationBody {
  status: string;
  flow: { id: string; version: number };
  at: string | null;
  outcome: string | null;
  messages: { direction: string; text: string | null }[];
}

export function describeRuntimeContract(kind: DatabaseKind, options: ApiOptions = {}): void {
  describe(`ingest API and runtime (${kind}${options.redisUrl ? ' + BullMQ' : ''})`, () => {
    let api: ApiHarness;
    let key: string;

    const post = (body: unknown, auth = `Bearer ${key}`) =>
      fetch(`${api.url}/api/v1/events`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const conversation = async (id: string): Promise<ConversationBody> => {
      await api.services.runtime.idle();
      const response = await fetch(`${api.url}/api/v1/conversations/${id}`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
      return response.json();
    };
    const eventCount = async () => (await api.services.db.select({ n: count() }).from(events))[0]?.n;

    let orders: FetchServer;
    const orderCalls: string[] = [];

    beforeAll(async () => {
      orders = await serveFetch(async (request) => {
        const path = new URL(request.url).pathname;
        orderCalls.push(path);
        return path.endsWith('/666') ? new Response('down', { status: 503 }) : Response.json({ status: 'shipped' });
      });
      api = await startApi(kind, options);
      const db = api.services.db;
      key = (await createApiKey(db, 'test', null)).key;
      await createFlow(db, { id: 'desk', name: 'Desk' }, null);
      await saveDraft(db, { id: 'desk', revision: 1, content: menuFlow('v1') }, null);
      await publishDraft(db, { id: 'desk' }, null);
      await setBinding(db, { channel: 'api', flowId: 'desk' });
      await createFlow(db, { id: 'lookup', name: 'Lookup', content: readFlowDocument(lookupFlow(orders.url)) }, null);
      await publishDraft(db, { id: 'lookup' }, null);
      await setBinding(db, { channel: 'sms', address: '+6620000000', flowId: 'lookup' });
    });
    afterAll(async () => {
      await api?.close();
      await orders?.close();
    });

    /** Polls until the conversation satisfies `done` (timers fire on the wall clock). */
    async function until(id: string, done: (view: ConversationBody) => boolean): Promise<ConversationBody> {
      for (let tries = 0; tries < 100; tries++) {
        const view = await conversation(id);
        if (done(view)) return view;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`conversation ${id} did not get there`);
    }

    it('calls HTTP APIs for http nodes and fires timers', async () => {
      const started = await (await post({ channel: 'sms', from: '+66810000001', to: '+6620000000', text: 'where is my order' })).json();
      const waiting = await conversation(started.conversationId);
      expect(waiting).toMatchObject({ at: 'pause', status: 'active' });
      expect(waiting.messages.map((m) => m.text)).toContain('Your order is shipped.');
      expect(orderCalls).toContain('/orders/+66810000001');
      const ended = await until(started.conversationId, (view) => view.status === 'ended');
      expect(ended).toMatchObject({ outcome: 'resolved' });
      expect(ended.messages.map((m) => m.text).at(-1)).toBe('Anything else? Bye for now.');

      const failing = await (await post({ channel: 'sms', from: '666', to: '+6620000000', text: 'order?' })).json();
      const failed = await conversation(failing.conversationId);
      expect(failed).toMatchObject({ status: 'ended', outcome: 'error' });
      expect(failed.messages.map((m) => m.text)).toContain('The order system is down.');
    });

    it('reports its health without a key', async () => {
      const response = await fetch(`${api.url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ db: { up: true }, queue: { kind: options.redisUrl ? 'redis' : 'embedded', up: true } });
    });

    it('starts a conversation on the bound flow and runs it to the end', async () => {
      const first = await post({ channel: 'api', from: 'caller-1', text: 'hi', messageId: 'm-1', contact: { name: 'Kanya', locale: 'th' } });
      expect(first.status).toBe(202);
      const { conversationId, eventId } = await first.json();
      expect(typeof eventId).toBe('number');
      expect(await conversation(conversationId)).toMatchObject({
        status: 'active',
        flow: { id: 'desk', version: 1 },
        at: 'menu',
        messages: [
          { direction: 'in', text: 'hi' },
          { direction: 'out', text: 'Hello from v1' },
          { direction: 'out', text: 'Press 1 for sales, 2 for support' },
        ],
      });
      const [contact] = await api.services.db.select().from(contacts).innerJoin(contactIdentities, eq(contactIdentities.contactId, contacts.id)).where(eq(contactIdentities.address, 'caller-1'));
      expect(contact?.contacts).toMatchObject({ name: 'Kanya', locale: 'th' });
      const second = await post({ channel: 'api', from: 'caller-1', digits: '2', messageId: 'm-2' });
      expect((await second.json()).conversationId).toBe(conversationId);
      const ended = await conversation(conversationId);
      expect(ended).toMatchObject({ status: 'ended', outcome: 'resolved' });
      expect(ended.messages.map((m) => m.text).slice(-2)).toEqual(['#2', 'Support it is.']);
    });

    it('applies a redelivered message once and answers with the first result', async () => {
      const body = { channel: 'api', from: 'caller-2', text: 'hello', messageId: 'dup-1' };
      const answers = await Promise.all([post(body), post(body), post(body)]);
      const results = await Promise.all(answers.map((a) => a.json()));
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
      expect(new Set(results.map((r) => `${r.conversationId}/${r.eventId}`)).size).toBe(1);
      const view = await conversation(results[0].conversationId);
      expect(view.messages.filter((m) => m.direction === 'in')).toHaveLength(1);
    });

    it('refuses bad input and bad keys, naming the field, and stores nothing', async () => {
      const before = await eventCount();
      const cases: [unknown, string][] = [
        [{ channel: 'fax', from: 'x', text: 'hi' }, 'channel'],
        [{ channel: 'api', text: 'hi' }, 'from'],
        [{ channel: 'api', from: 'x' }, 'text'],
        [{ channel: 'api', from: 'x', digits: '12a' }, 'digits'],
        [{ channel: 'api', from: 'x', text: 'hi', colour: 'red' }, 'colour'],
        [{ channel: 'api', from: 'x', text: 'hi', contact: { email: 'not-an-email' } }, 'contact.email'],
        [{ channel: 'api', from: 'x', text: 'hi', contact: { locale: 'Thai please' } }, 'contact.locale'],
      ];
      for (const [body, field] of cases) {
        const response = await post(body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect((await response.json()).error).toMatchObject({ code: 'invalid_field', field });
      }
      const notJson = await fetch(`${api.url}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: '{' });
      expect(notJson.status).toBe(400);
      expect((await post({ channel: 'api', from: 'x', text: 'hi' }, 'Bearer sb_wrong')).status).toBe(401);
      expect((await post({ channel: 'api', from: 'x', text: 'hi' }, '')).status).toBe(401);
      expect((await post({ channel: 'sms', from: '+6681', text: 'hi' })).status).toBe(409);
      // Leaving needs a conversation to leave: a hangup never starts one.
      const hangup = await post({ channel: 'api', from: 'never-called', hangup: true });
      expect(hangup.status).toBe(409);
      expect((await hangup.json()).error).toMatchObject({ field: 'hangup' });
      expect(await eventCount()).toBe(before);
    });

    it('applies each conversation’s events in order while many run at once', async () => {
      const callers = Array.from({ length: 12 }, (_, i) => `parallel-${i}`);
      const ids = new Map<string, string>();
      await Promise.all(
        callers.map(async (from) => {
          for (let n = 0; n < 5; n++) {
            const response = await post({ channel: 'api', from, text: n === 0 ? 'hi' : `note ${n}` });
            ids.set(from, (await response.json()).conversationId);
          }
        }),
      );
      await api.services.runtime.idle();
      for (const from of callers) {
        // The menu gives up after its retries and a later note opens a new conversation, so
        // the contact's whole transcript is what must be in order.
        const inbound = await api.services.db
          .select({ text: messages.text })
          .from(messages)
          .innerJoin(contactIdentities, eq(contactIdentities.contactId, messages.contactId))
          .where(and(eq(contactIdentities.address, from), eq(messages.direction, 'in')))
          .orderBy(asc(messages.position));
        expect(inbound.map((m) => m.text), from).toEqual(['hi', 'note 1', 'note 2', 'note 3', 'note 4']);
        expect(ids.get(from)).toBeDefined();
      }
    });

    it('keeps running conversations on the version they started on', async () => {
      const started = await (await post({ channel: 'api', from: 'caller-v', text: 'hi' })).json();
      await saveDraft(api.services.db, { id: 'desk', revision: 2, content: menuFlow('v2') }, null);
      await publishDraft(api.services.db, { id: 'desk' }, null);
      await post({ channel: 'api', from: 'caller-v', digits: '1' });
      const old = await conversation(started.conversationId);
      expect(old).toMatchObject({ flow: { version: 1 }, status: 'ended' });
      expect(old.messages.map((m) => m.text)).toContain('Hello from v1');
      const fresh = await (await post({ channel: 'api', from: 'caller-w', text: 'hi' })).json();
      const view = await conversation(fresh.conversationId);
      expect(view.flow.version).toBe(2);
      expect(view.messages.map((m) => m.text)).toContain('Hello from v2');
      const rows = await api.services.db.select().from(events).where(eq(events.conversationId, started.conversationId));
      expect(rows.every((row) => row.appliedAt !== null)).toBe(true);
    });

    // Last: it stops the harness's runtime.
    it('re-arms timers from the database when a runtime starts', async () => {
      await api.services.runtime.stop();
      const started = await (await post({ channel: 'sms', from: '+66810000002', to: '+6620000000', text: 'order?' })).json();
      expect(await conversation(started.conversationId)).toMatchObject({ at: 'pause', status: 'active' });
      const queue = new EmbeddedQueue();
      const restarted = new Runtime({ db: api.services.db, queue });
      await restarted.startWorker();
      try {
        const ended = await until(started.conversationId, (view) => view.status === 'ended');
        expect(ended.messages.map((m) => m.text).at(-1)).toBe('Anything else? Bye for now.');
      } finally {
        await restarted.stop();
        await queue.close();
      }
    });
  });
}
