// Handoffs worked through the REST API and `switchboard agent`, and the conversation stream a
// client watches them on: the part of the runtime agents and machine clients see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { createApiKey } from '../auth/apiKeys';
import { main } from '../cli/main';
import type { Output } from '../cli/output';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { startApi, type ApiHarness, type ApiOptions } from '../testing/apiHarness';
import type { DatabaseKind } from '../testing/database';
import { collectEvents, type ServerSentEvent } from '../testing/sse';
import { setBinding } from './bindings';

/** Greets, queues for billing with a summary, and ends with the handoff's outcome. */
const helpDesk = {
  format: FLOW_FORMAT,
  id: 'help-desk',
  name: 'Help desk',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hello', type: 'message', data: { text: 'Connecting you to billing.' } },
    { id: 'agent', type: 'handoff', data: { queue: 'billing', summary: 'Billing question: {{ input.text }}' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
    { id: 'left', type: 'end', data: { outcome: 'abandoned' } },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'agent' },
    { source: 'agent', sourceHandle: 'resolved', target: 'done' },
    { source: 'agent', sourceHandle: 'abandoned', target: 'left' },
  ],
};

function captured(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line = '') => lines.push(line), err: (line = '') => errors.push(line) };
}

export function describeHandoffContract(kind: DatabaseKind, options: ApiOptions = {}): void {
  describe(`handoffs and conversation streams (${kind}${options.redisUrl ? ' + BullMQ' : ''})`, () => {
    let api: ApiHarness;
    let key: string;
    const headers = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });
    const post = async (path: string, body: unknown) => fetch(`${api.url}/api/v1${path}`, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
    const start = async (from: string, text: string): Promise<string> => {
      const response = await post('/events', { channel: 'api', from, text, contact: { name: from } });
      expect(response.status).toBe(202);
      const { conversationId } = await response.json();
      await api.services.runtime.idle();
      return conversationId;
    };
    const view = async (id: string) => {
      await api.services.runtime.idle();
      return (await fetch(`${api.url}/api/v1/conversations/${id}`, { headers: headers() })).json();
    };
    const stream = (id: string, done: (events: ServerSentEvent[]) => boolean, extra: Record<string, string> = {}) =>
      collectEvents(`${api.url}/api/v1/conversations/${id}/stream`, { authorization: `Bearer ${key}`, ...extra }, done);

    beforeAll(async () => {
      api = await startApi(kind, options);
      key = (await createApiKey(api.services.db, 'handoff test', null)).key;
      await createFlow(api.services.db, { id: 'help-desk', name: 'Help desk', content: readFlowDocument(helpDesk) }, null);
      await publishDraft(api.services.db, { id: 'help-desk' }, null);
      await setBinding(api.services.db, { channel: 'api', flowId: 'help-desk' });
    });
    afterAll(async () => {
      await api?.close();
    });

    it('queues a handoff an agent accepts, answers and resolves over the API', async () => {
      const id = await start('cust-a', 'my bill is wrong');
      expect(await view(id)).toMatchObject({ status: 'handoff', queue: 'billing', at: 'agent', handoff: { queue: 'billing', status: 'queued', summary: 'Billing question: my bill is wrong' } });
      const waiting = await (await fetch(`${api.url}/api/v1/handoffs?queue=billing`, { headers: headers() })).json();
      expect(waiting.handoffs.map((h: { conversationId: string }) => h.conversationId)).toContain(id);

      expect((await post(`/conversations/${id}/agent`, { action: 'accept', agent: 'Dao' })).status).toBe(202);
      expect(await view(id)).toMatchObject({ status: 'handoff', handoff: { status: 'accepted', agent: 'Dao' } });
      const reply = { action: 'reply', text: 'I have corrected it.', agent: 'Dao', requestId: 'r-1' };
      const first = await (await post(`/conversations/${id}/agent`, reply)).json();
      const again = await (await post(`/conversations/${id}/agent`, reply)).json();
      expect(again).toEqual(first);
      await post(`/conversations/${id}/agent`, { action: 'resolve', agent: 'Dao' });
      const ended = await view(id);
      expect(ended).toMatchObject({ status: 'ended', outcome: 'resolved' });
      const agentLines = ended.messages.filter((m: { author: string }) => m.author === 'agent');
      expect(agentLines.map((m: { text: string }) => m.text)).toEqual(['I have corrected it.']);
    });

    it('refuses agent actions that are malformed or come when nobody is waiting', async () => {
      const id = await start('cust-b', 'hello');
      const bad = await post(`/conversations/${id}/agent`, { action: 'reply' });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ code: 'invalid_field', field: 'text' });
      expect((await post(`/conversations/${id}/agent`, { action: 'dance' })).status).toBe(400);
      await post(`/conversations/${id}/agent`, { action: 'resolve' });
      // Until the resolve is applied the conversation still waits, and a reply is accepted (it
      // is applied after the resolve, in order): the refusal is for one that comes later.
      await api.services.runtime.idle();
      const late = await post(`/conversations/${id}/agent`, { action: 'reply', text: 'too late' });
      expect(late.status).toBe(409);
      expect((await late.json()).error.message).toMatch(/not waiting for an agent/);
      const missing = await post('/conversations/00000000-0000-4000-8000-000000000000/agent', { action: 'accept' });
      expect(missing.status).toBe(404);
    });

    it('streams the transcript, state changes and the end as they happen, resuming after Last-Event-ID', async () => {
      const id = await start('cust-c', 'question');
      // The agent acts only once the stream has shown the waiting state: what follows is live.
      let acting: Promise<unknown> | undefined;
      const events = await stream(id, (seen) => {
        if (!acting && seen.some((e) => e.event === 'state')) {
          acting = post(`/conversations/${id}/agent`, { action: 'reply', text: 'Hello, Dao here.' }).then(() => post(`/conversations/${id}/agent`, { action: 'resolve' }));
        }
        return seen.some((e) => e.event === 'ended');
      });
      await acting;
      const messages = events.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data));
      expect(messages.map((m) => `${m.author}: ${m.text}`)).toEqual(['customer: question', 'bot: Connecting you to billing.', 'agent: Hello, Dao here.']);
      expect(events.filter((e) => e.event === 'message').map((e) => Number(e.id))).toEqual(messages.map((m) => m.id));
      const states = events.filter((e) => e.event === 'state').map((e) => JSON.parse(e.data).status);
      expect(states[0]).toBe('handoff');
      expect(states.at(-1)).toBe('ended');
      expect(JSON.parse(events.at(-1)?.data ?? '{}')).toEqual({ outcome: 'resolved' });

      const resumed = await stream(id, (all) => all.some((e) => e.event === 'ended'), { 'last-event-id': String(messages[1].id) });
      expect(resumed.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data).text)).toEqual(['Hello, Dao here.']);
    });

    it('answers 404 for the stream of an unknown conversation and 401 without a key', async () => {
      const unknown = await fetch(`${api.url}/api/v1/conversations/00000000-0000-4000-8000-000000000000/stream`, { headers: headers() });
      expect(unknown.status).toBe(404);
      const id = await start('cust-d', 'hi');
      expect((await fetch(`${api.url}/api/v1/conversations/${id}/stream`)).status).toBe(401);
    });

    it('lets `switchboard agent` list, accept, reply to and resolve a handoff through the running app', async () => {
      const id = await start('cust-e', 'card declined');
      const cli = (args: string[]) => {
        const output = captured();
        return main(['agent', ...args, '--url', api.url, '--key', key], output).then((code) => ({ code, ...output }));
      };
      const listed = await cli(['list', '--queue', 'billing']);
      expect(listed.code).toBe(0);
      expect(listed.lines.find((line) => line.startsWith(id))).toMatch(/billing\tapi\tqueued\tcust-e\tBilling question: card declined/);
      expect((await cli(['accept', id, '--as', 'Dao'])).code).toBe(0);
      expect((await cli(['reply', id, 'Try', 'it', 'again', 'now.'])).code).toBe(0);
      await api.services.runtime.idle();
      const shown = await cli(['show', id]);
      expect(shown.lines.at(-1)).toMatch(/agent\s+Try it again now\.$/);
      expect((await cli(['resolve', id])).code).toBe(0);
      expect(await view(id)).toMatchObject({ status: 'ended', outcome: 'resolved' });
      const refused = await cli(['reply', id, 'hello?']);
      expect(refused.code).toBe(1);
      expect(refused.errors.join('\n')).toMatch(/not waiting for an agent/);
      const noKey = captured();
      expect(await main(['agent', 'list', '--url', api.url], noKey)).toBe(1);
    });
  });
}
