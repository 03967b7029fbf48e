import { describe, expect, it } from 'vitest';
import { edge, NOW, testFlow } from '@/flows/testing/flows';
import { actionsOf, SimulatorSession } from './session';
import { problemText } from './sessionProblems';
import type { SessionOptions } from './sessionTypes';
import { sessionTrace } from './trace';
import { exampleLibrary, sessionFromJourney } from './testing';

const lookup = testFlow(
  [
    { id: 'ask', type: 'collect', data: { prompt: 'Your order number?', variable: 'order', kind: 'digits', timeout: '30s', maxRetries: 0 } },
    { id: 'crm', type: 'http', data: { method: 'GET', url: 'https://shop.example/orders/{{ vars.order }}', save: [{ variable: 'status', path: 'status' }] } },
    { id: 'tell', type: 'message', data: { text: 'Order {{ vars.order }} is {{ vars.status }}', quickReplies: [{ id: 'agent', label: 'Talk to us' }] } },
    { id: 'queue', type: 'handoff', data: { queue: 'orders', waitText: 'Connecting you' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
    { id: 'silent', type: 'end', data: { outcome: 'abandoned' } },
  ],
  [
    edge('start', 'ask'),
    edge('ask', 'crm'),
    edge('ask', 'noInput', 'silent'),
    edge('ask', 'invalid', 'silent'),
    edge('crm', 'ok', 'tell'),
    edge('crm', 'error', 'silent'),
    edge('tell', 'queue'),
    edge('queue', 'resolved', 'done'),
    edge('queue', 'abandoned', 'silent'),
    edge('queue', 'timeout', 'silent'),
  ],
  { variables: { order: { type: 'string' }, status: { type: 'string' } }, channels: ['webchat', 'sms'] },
);

const options: SessionOptions = {
  channel: 'webchat',
  contact: { name: 'Somchai', phone: '+66810000001', email: '', locale: '' },
  now: NOW,
  mocks: { http: [{ method: 'GET', url: 'https://shop.example/orders/*', status: 200, json: { status: 'shipped' } }] },
  vars: {},
};

describe('SimulatorSession', () => {
  it('records the start and every step with the state after it', () => {
    const session = new SimulatorSession(lookup, new Map(), options);
    expect(session.view().steps).toHaveLength(1);
    expect(session.view().current).toMatchObject({ at: 'ask', channel: 'webchat' });
    expect(session.view().current?.sent.map((m) => m.text)).toEqual(['Your order number?']);

    const view = session.apply({ kind: 'customer', customer: { digits: '1234' } });
    expect(view.steps).toHaveLength(2);
    expect(view.current).toMatchObject({ at: 'queue', vars: { order: '1234', status: 'shipped' } });
    expect(view.current?.handoff).toMatchObject({ queue: 'orders', status: 'queued' });
    expect(view.current?.sent.map((m) => m.text)).toEqual(['Order 1234 is shipped', 'Connecting you']);
    expect(view.transcript.slice(view.steps[1]!.transcriptFrom, view.steps[1]!.transcriptTo).map((l) => l.author)).toEqual(['customer', 'bot', 'bot']);
    // The first step's variables stay as they were after it.
    expect(view.steps[0]!.state.vars).not.toHaveProperty('status', 'shipped');
  });

  it('acts as the agent and ends the conversation', () => {
    const session = new SimulatorSession(lookup, new Map(), options);
    session.apply({ kind: 'customer', customer: { text: '1234' } });
    session.apply({ kind: 'agent', agent: { accept: true, agent: 'ploy' } });
    expect(session.view().current?.handoff).toMatchObject({ status: 'accepted', agent: 'ploy' });
    session.apply({ kind: 'agent', agent: { reply: 'It arrives tomorrow' } });
    expect(session.view().current?.sent).toEqual([expect.objectContaining({ author: 'agent', text: 'It arrives tomorrow' })]);
    const view = session.apply({ kind: 'agent', agent: { resolve: true } });
    expect(view.current).toMatchObject({ ended: true, outcome: 'resolved' });
    expect(sessionTrace(view.steps)).toEqual({ active: 'done', path: ['start', 'ask', 'crm', 'tell', 'queue', 'done'], ended: true });
  });

  it('advances the virtual clock into timeouts', () => {
    const session = new SimulatorSession(lookup, new Map(), options);
    const view = session.apply({ kind: 'wait', wait: '1m' });
    expect(view.current).toMatchObject({ ended: true, outcome: 'abandoned', now: '2026-03-02T03:01:00.000Z' });
  });

  it('reports an HTTP call no mock answers and keeps the journey where it was', () => {
    const session = new SimulatorSession(lookup, new Map(), { ...options, mocks: { http: [] } });
    const view = session.apply({ kind: 'customer', customer: { digits: '1234' } });
    expect(view.problem).toEqual({ kind: 'noMock', method: 'GET', url: 'https://shop.example/orders/1234', node: 'crm' });
    expect(view.steps).toHaveLength(1);
    expect(view.current?.at).toBe('ask');
    expect(view.transcript).toHaveLength(1);
    expect(problemText(view.problem!, 'en')).toContain('https://shop.example/orders/1234');
    expect(problemText(view.problem!, 'th')).toContain('ไม่มี HTTP จำลอง');
    // The journey goes on from where it was.
    expect(session.apply({ kind: 'wait', wait: '1m' }).current?.outcome).toBe('abandoned');
  });

  it('reports actions that cannot apply instead of throwing', () => {
    const session = new SimulatorSession(lookup, new Map(), options);
    expect(session.apply({ kind: 'agent', agent: { resolve: true } }).problem).toEqual({ kind: 'noAgent', at: 'ask' });
    expect(session.apply({ kind: 'wait', wait: 'soon' }).problem).toEqual({ kind: 'badDuration', duration: 'soon' });
    session.apply({ kind: 'wait', wait: '1m' });
    expect(session.apply({ kind: 'customer', customer: { text: 'hello?' } }).problem).toEqual({ kind: 'ended' });
    expect(session.view().steps).toHaveLength(2);
  });

  it('replays the steps of an earlier run, stopping at the first that fails', () => {
    const first = new SimulatorSession(lookup, new Map(), options);
    first.apply({ kind: 'customer', customer: { digits: '1234' } });
    first.apply({ kind: 'agent', agent: { accept: true } });
    const again = new SimulatorSession(lookup, new Map(), options, actionsOf(first.view().steps));
    expect(again.view().steps.map((step) => step.state)).toEqual(first.view().steps.map((step) => step.state));

    const withoutMocks = new SimulatorSession(lookup, new Map(), { ...options, mocks: { http: [] } }, actionsOf(first.view().steps));
    expect(withoutMocks.view().steps).toHaveLength(1);
    expect(withoutMocks.view().problem?.kind).toBe('noMock');
    expect(withoutMocks.view().failedAction).toEqual({ kind: 'customer', customer: { digits: '1234' } });
    expect(withoutMocks.apply({ kind: 'wait', wait: '1m' }).failedAction).toBeNull();
  });

  it('reports a flow that does not compile with localized diagnostics', () => {
    const broken = testFlow([{ id: 'pause', type: 'wait', data: { mode: 'duration', duration: 'forever' } }], [edge('start', 'pause')]);
    const view = new SimulatorSession(broken, new Map(), options).view();
    expect(view.current).toBeNull();
    expect(view.problem?.kind).toBe('compile');
    expect(problemText(view.problem!, 'en')).toMatch(/pause: .*forever/);
    expect(problemText(view.problem!, 'th')).toContain('โฟลว์นี้ทำงานไม่ได้');
  });

  it('reports invalid mocks and a channel the start node does not allow', () => {
    const badMocks = new SimulatorSession(lookup, new Map(), { ...options, mocks: { http: [{ url: '' }] } }).view();
    expect(badMocks.problem?.kind).toBe('badMocks');
    const voice = new SimulatorSession(lookup, new Map(), { ...options, channel: 'voice' }).view();
    expect(voice.problem).toEqual({ kind: 'badChannel', channel: 'voice', allowed: 'webchat, sms' });
  });

  it('traces a subflow by its node on the canvas', () => {
    const view = sessionFromJourney('lost-card.happy-path-chat.journey.json', exampleLibrary()).view();
    const trace = sessionTrace(view.steps);
    expect(trace?.path).toContain('verify');
    expect(trace?.path.some((node) => node.includes('/'))).toBe(false);
    expect(view.steps.some((step) => step.state.path.some((node) => node.startsWith('verify/')))).toBe(true);
  });
});
