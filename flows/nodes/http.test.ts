import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile';
import { createFlowMachine } from '../compile/machine';
import type { HttpRequestEffect } from '../engine/effects';
import { startJourney } from '../engine/step';
import type { HttpMockInput } from '../simulate/mocks';
import { SimulationError } from '../simulate/errors';
import { bindNode, nodeFlow, NOW, propsOf, simulate } from './testkit';

const CRM = 'https://crm.example/customers';
const VARIABLES = { tier: { type: 'string' as const }, customer: {}, first: {}, id: { type: 'string' as const } };

function http(data: Record<string, unknown>) {
  return nodeFlow('http', { url: `${CRM}/{{ contact.phone }}`, ...data }, { variables: VARIABLES });
}

function call(data: Record<string, unknown>, mocks: HttpMockInput[]) {
  return simulate(http(data), { contact: { phone: '+66810000001' }, mocks: { http: mocks } }).state();
}

/** The request the node asks its host to make (the simulator answers it from mocks). */
function request(data: Record<string, unknown>): HttpRequestEffect {
  const compiled = compileFlow(http(data));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const started = startJourney(createFlowMachine(compiled.flow), {
    conversationId: 'c-7',
    channel: 'webchat',
    now: NOW,
    contact: { phone: '+66810000001', name: 'Ann' },
    vars: { id: 'A1' },
  });
  const effect = started.effects.find((item): item is HttpRequestEffect => item.type === 'http.request');
  if (!effect) throw new Error('no http.request effect');
  return effect;
}

describe('http node', () => {
  it('leaves by ok on a 2xx answer and saves fields by dotted path', () => {
    const state = call(
      {
        save: [
          { variable: 'tier', path: 'customer.tier' },
          { variable: 'first', path: 'orders[0].id' },
          { variable: 'customer', path: '' },
        ],
      },
      [{ method: 'GET', url: `${CRM}/*`, status: 200, json: { customer: { tier: 'gold' }, orders: [{ id: 'o1' }] } }],
    );
    expect(state.outcome).toBe('ok');
    expect(state.vars).toEqual({
      tier: 'gold',
      first: 'o1',
      customer: { customer: { tier: 'gold' }, orders: [{ id: 'o1' }] },
    });
    expect(state.path).toEqual(['start', 'http', 'end-ok']);
  });

  it('saves from a JSON text body too, and leaves a missing path undefined', () => {
    const state = call({ save: [{ variable: 'tier', path: 'tier' }, { variable: 'first', path: 'nope.deeper' }] }, [
      { url: `${CRM}/*`, status: 201, body: '{"tier":"silver"}' },
    ]);
    expect(state).toMatchObject({ outcome: 'ok', vars: { tier: 'silver' } });
    expect(state.vars.first).toBeUndefined();
  });

  it.each([400, 404, 500, 503])('leaves by error on HTTP %i and saves nothing', (status) => {
    const state = call({ save: [{ variable: 'tier', path: 'tier' }] }, [{ url: `${CRM}/*`, status, json: { tier: 'x' } }]);
    expect(state).toMatchObject({ outcome: 'error', vars: {} });
  });

  it.each(['timeout', 'network'] as const)('leaves by error on a %s', (error) => {
    expect(call({}, [{ url: `${CRM}/*`, error }]).outcome).toBe('error');
  });

  it('matches mocks by method', () => {
    const mocks = [
      { method: 'GET', url: `${CRM}/*`, status: 500 },
      { method: 'POST', url: `${CRM}/*`, status: 200 },
    ];
    expect(call({ method: 'POST', body: { a: 1 } }, mocks).outcome).toBe('ok');
    expect(call({}, mocks).outcome).toBe('error');
  });

  it('fails the simulation, naming the URL, when no mock answers', () => {
    expect(() => call({}, [{ url: 'https://other.example/*' }])).toThrow(SimulationError);
    expect(() => call({}, [])).toThrow(`${CRM}/+66810000001`);
  });

  it('renders the url and header templates; GET by default with a 10s timeout', () => {
    const effect = request({ url: `${CRM}/{{ contact.phone }}?conv={{ conversation.id }}`, headers: { Authorization: 'Bearer {{ vars.id }}' } });
    expect(effect).toMatchObject({
      method: 'GET',
      url: `${CRM}/+66810000001?conv=c-7`,
      headers: { Authorization: 'Bearer A1' },
      timeoutMs: 10_000,
    });
    expect(effect.body).toBeUndefined();
  });

  it('sends a JSON body with every string rendered as a template, and a JSON content type', () => {
    const effect = request({
      method: 'POST',
      timeout: '3s',
      body: { name: '{{ contact.name }}', tags: ['{{ channel }}', 2], nested: { ok: true, id: '{{ vars.id }}' } },
    });
    expect(effect).toMatchObject({ method: 'POST', timeoutMs: 3_000, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(effect.body ?? '')).toEqual({ name: 'Ann', tags: ['webchat', 2], nested: { ok: true, id: 'A1' } });
  });

  it('keeps a content type the designer set, and sends a text body as a rendered template', () => {
    const effect = request({ method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'caller {{ contact.phone }}' });
    expect(effect.headers).toEqual({ 'Content-Type': 'text/plain' });
    expect(effect.body).toBe('caller +66810000001');
  });

  it('binds: ok and error; the summary shows method and url', () => {
    const node = bindNode('http', { url: 'https://crm.example/x', save: [{ variable: 'vars.tier', path: 'tier' }] });
    expect(node.handles().map((handle) => handle.id)).toEqual(['ok', 'error']);
    expect(node.summary('en')).toBe('GET https://crm.example/x');
    expect(node.summary('th')).toBe('GET https://crm.example/x');
    expect(node.writes()).toEqual(['tier']);
    expect(propsOf('http', { url: 'https://x', save: [{ variable: 'all' }] })).toEqual({ method: 'GET', url: 'https://x', save: [{ variable: 'all', path: '' }] });
  });
});
