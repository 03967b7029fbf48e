import { describe, expect, it } from 'vitest';
import { edge, NOW, testFlow } from '../testing/flows';
import { createSimulation } from './simulation';
import { SimulationError } from './errors';

const lookup = testFlow(
  [
    { id: 'crm', type: 'http', data: { method: 'GET', url: 'https://crm.example/customers/{{ contact.phone }}', save: [{ variable: 'tier', path: 'tier' }] } },
    { id: 'hello', type: 'message', data: { text: 'Hello {{ vars.tier }} customer' } },
    { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '5m' } },
    { id: 'later', type: 'message', data: { text: 'Five minutes later' } },
    { id: 'queue', type: 'handoff', data: { queue: 'support', waitText: 'Connecting you' } },
    { id: 'done', type: 'end', data: {} },
    { id: 'sorry', type: 'end', data: { text: 'Sorry, try later', outcome: 'error' } },
    { id: 'gone', type: 'end', data: { outcome: 'abandoned' } },
  ],
  [
    edge('start', 'crm'),
    edge('crm', 'ok', 'hello'),
    edge('crm', 'error', 'sorry'),
    edge('hello', 'pause'),
    edge('pause', 'later'),
    edge('later', 'queue'),
    edge('queue', 'resolved', 'done'),
    edge('queue', 'abandoned', 'gone'),
  ],
  { variables: { tier: { type: 'string' } }, channels: ['webchat', 'sms'] },
);

const mocks = { http: [{ method: 'GET', url: 'https://crm.example/customers/*', status: 200, json: { tier: 'gold' } }] };
const contact = { name: 'Somchai', phone: '+66810000001' };

describe('createSimulation', () => {
  it('answers HTTP from mocks within the same step and runs to the next wait', () => {
    const sim = createSimulation(lookup, { contact, mocks, now: NOW, channel: 'webchat' });
    const state = sim.state();
    expect(state.at).toBe('pause');
    expect(state.vars).toEqual({ tier: 'gold' });
    expect(state.sent.map((m) => m.text)).toEqual(['Hello gold customer']);
    expect(state.path).toEqual(['start', 'crm', 'hello', 'pause']);
  });

  it('fires due timers when the clock moves, and not before', () => {
    const sim = createSimulation(lookup, { contact, mocks, now: NOW, channel: 'webchat' });
    expect(sim.advance('4m').path).toEqual([]);
    const state = sim.advance('1m');
    expect(state.path).toEqual(['later', 'queue']);
    expect(state.sent.map((m) => m.text)).toEqual(['Five minutes later', 'Connecting you']);
    expect(state.now).toBe(new Date(Date.parse(NOW) + 5 * 60_000).toISOString());
  });

  it('names the URL of an HTTP call no mock answers', () => {
    expect(() => createSimulation(lookup, { contact, now: NOW, channel: 'webchat' })).toThrow(
      /no HTTP mock matches GET https:\/\/crm\.example\/customers\/\+66810000001/,
    );
  });

  it('takes the error handle on a failed or timed-out call', () => {
    for (const failure of [{ status: 503 }, { error: 'timeout' as const }]) {
      const sim = createSimulation(lookup, { contact, now: NOW, channel: 'webchat', mocks: { http: [{ url: 'https://crm.example/*', ...failure }] } });
      expect(sim.state()).toMatchObject({ ended: true, outcome: 'error' });
    }
  });

  it('refuses agent actions outside a handoff and customer actions after the end', () => {
    const sim = createSimulation(lookup, { contact, mocks, now: NOW, channel: 'webchat' });
    expect(() => sim.agent({ reply: 'hi' })).toThrow(/not with an agent \(it is at "pause"\)/);
    sim.advance('5m');
    expect(sim.agent({ reply: 'How can I help?' }).sent).toMatchObject([{ text: 'How can I help?', author: 'agent' }]);
    expect(sim.customer({ hangup: true })).toMatchObject({ ended: true, outcome: 'abandoned' });
    expect(() => sim.customer({ text: 'hello?' })).toThrow(SimulationError);
  });

  it('refuses to start on a channel the start node does not allow', () => {
    expect(() => createSimulation(lookup, { contact, mocks, now: NOW, channel: 'voice' })).toThrow(/cannot start on voice; its start node allows webchat, sms/);
  });

  it('refuses a flow that does not compile, listing its errors', () => {
    expect(() => createSimulation(testFlow([{ id: 'x', type: 'message', data: { text: 'hi' } }], [edge('start', 'y')]))).toThrow(
      /does not compile: .*unknown-node/,
    );
  });

  it('keeps a transcript of both directions', () => {
    const sim = createSimulation(lookup, { contact, mocks, now: NOW, channel: 'webchat' });
    sim.advance('5m');
    sim.customer({ text: 'anyone there?' });
    expect(sim.state().transcript.map((line) => `${line.author}: ${line.text}`)).toEqual([
      'bot: Hello gold customer',
      'bot: Five minutes later',
      'bot: Connecting you',
      'customer: anyone there?',
    ]);
  });
});

describe('HTTP mocks', () => {
  it('answer a limited number of times with `times`, then the next matching mock answers', () => {
    const flaky = {
      http: [
        { url: 'https://crm.example/*', error: 'timeout' as const, times: 1 },
        { url: 'https://crm.example/*', status: 200, json: { tier: 'silver' } },
      ],
    };
    const first = createSimulation(lookup, { contact, now: NOW, channel: 'webchat', mocks: flaky });
    expect(first.state().outcome).toBe('error');
    const retry = testFlow(
      [
        { id: 'crm', type: 'http', data: { url: 'https://crm.example/x', save: [{ variable: 'tier', path: 'tier' }] } },
        { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '1m' } },
        { id: 'again', type: 'http', data: { url: 'https://crm.example/x', save: [{ variable: 'tier', path: 'tier' }] } },
        { id: 'done', type: 'end', data: { text: 'Tier {{ vars.tier }}' } },
        { id: 'fail', type: 'end', data: { outcome: 'error' } },
      ],
      [edge('start', 'crm'), edge('crm', 'ok', 'done'), edge('crm', 'error', 'pause'), edge('pause', 'again'), edge('again', 'ok', 'done'), edge('again', 'error', 'fail')],
      { variables: { tier: { type: 'string' } } },
    );
    const sim = createSimulation(retry, { now: NOW, channel: 'webchat', mocks: flaky });
    expect(sim.state().at).toBe('pause');
    expect(sim.advance('1m')).toMatchObject({ ended: true, outcome: 'resolved', vars: { tier: 'silver' } });
  });
});
