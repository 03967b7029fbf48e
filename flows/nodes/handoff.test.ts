import { describe, expect, it } from 'vitest';
import { SimulationError } from '../simulate/errors';
import { bindNode, nodeFlow, propsOf, simulate, texts } from './testkit';

const DATA = {
  queue: 'cards',
  skills: ['thai', 'fraud'],
  priority: 5,
  summary: 'Lost card ending {{ vars.last4 }} for {{ contact.name }}',
  waitText: 'Connecting you to an agent, {{ contact.name }}…',
};

function handoff(data: Record<string, unknown> = {}, options: { unconnected?: string[] } = {}) {
  return simulate(nodeFlow('handoff', { ...DATA, ...data }, { variables: { last4: { type: 'string' } }, ...options }), {
    channel: 'webchat',
    contact: { name: 'Ann' },
    vars: { last4: '1234' },
  });
}

describe('handoff node', () => {
  it('sends waitText and queues with queue, skills, priority and a rendered summary', () => {
    const state = handoff().state();
    expect(texts(state)).toEqual(['Connecting you to an agent, Ann…']);
    expect(state.at).toBe('handoff');
    expect(state.handoff).toEqual({
      node: 'handoff',
      queue: 'cards',
      skills: ['thai', 'fraud'],
      priority: 5,
      summary: 'Lost card ending 1234 for Ann',
      status: 'queued',
    });
  });

  it('queues silently without waitText, with priority 0 and no skills by default', () => {
    const state = handoff({ waitText: undefined, summary: undefined, skills: undefined, priority: undefined }).state();
    expect(state.sent).toEqual([]);
    expect(state.handoff).toEqual({ node: 'handoff', queue: 'cards', skills: [], priority: 0, status: 'queued' });
  });

  it('an agent accepts, replies on the journey channel, and resolves: resolved', () => {
    const sim = handoff();
    expect(sim.agent({ accept: true, agent: 'mali' }).handoff).toMatchObject({ status: 'accepted', agent: 'mali' });
    const reply = sim.agent({ reply: 'Your new card is on its way', agent: 'mali' });
    expect(reply.sent).toEqual([expect.objectContaining({ channel: 'webchat', text: 'Your new card is on its way', author: 'agent', agent: 'mali' })]);
    const resolved = sim.agent({ resolve: true });
    expect(resolved).toMatchObject({ ended: true, outcome: 'resolved', handoff: null, path: ['end-resolved'] });
  });

  it('a first reply accepts the conversation', () => {
    const sim = handoff();
    expect(sim.agent({ reply: 'Hi, Mali here' }).handoff?.status).toBe('accepted');
  });

  it('keeps the customer messages flowing while waiting, without leaving the node', () => {
    const sim = handoff();
    const state = sim.customer({ text: 'hello? anyone?' });
    expect(state).toMatchObject({ at: 'handoff', path: [], sent: [] });
    expect(state.transcript.at(-1)).toMatchObject({ direction: 'in', text: 'hello? anyone?' });
  });

  it('a transfer re-queues on the new queue, keeping skills and summary', () => {
    const sim = handoff();
    sim.agent({ accept: true, agent: 'mali' });
    const state = sim.agent({ transfer: 'fraud' });
    expect(state.handoff).toMatchObject({ queue: 'fraud', skills: ['thai', 'fraud'], summary: 'Lost card ending 1234 for Ann', status: 'queued' });
    expect(state.handoff?.agent).toBeUndefined();
    expect(state.sent).toEqual([]);
    expect(sim.agent({ resolve: true }).outcome).toBe('resolved');
  });

  it('leaves by abandoned when the customer hangs up, waiting or talking', () => {
    expect(handoff().customer({ hangup: true })).toMatchObject({ ended: true, outcome: 'abandoned', path: ['end-abandoned'] });
    const sim = handoff();
    sim.agent({ accept: true });
    expect(sim.customer({ hangup: true }).outcome).toBe('abandoned');
  });

  it('leaves by timeout when no agent accepts in time', () => {
    const sim = handoff({ timeout: '5m' });
    expect(sim.advance('4m59s').at).toBe('handoff');
    const state = sim.advance('1s');
    expect(state).toMatchObject({ ended: true, outcome: 'timeout', handoff: null });
  });

  it('never times out once an agent has accepted', () => {
    const sim = handoff({ timeout: '5m' });
    sim.advance('2m');
    sim.agent({ accept: true });
    expect(sim.advance('1h').at).toBe('handoff');
    expect(sim.agent({ resolve: true }).outcome).toBe('resolved');
  });

  it('without a timeout waits for an agent as long as it takes', () => {
    expect(handoff().advance('7d').at).toBe('handoff');
  });

  it('refuses agent actions outside a handoff', () => {
    const sim = simulate(nodeFlow('wait', { mode: 'reply' }));
    expect(() => sim.agent({ reply: 'hi' })).toThrow(SimulationError);
  });

  it('ends as unhandled when the outcome handle is not connected', () => {
    const sim = handoff({}, { unconnected: ['abandoned'] });
    expect(sim.customer({ hangup: true }).outcome).toBe('unhandled');
  });

  it('binds: resolved and abandoned, timeout only with a timeout; summary with queue, skills and priority', () => {
    const ids = (data: Record<string, unknown>) =>
      bindNode('handoff', data)
        .handles()
        .filter((handle) => handle.active)
        .map((handle) => handle.id);
    expect(ids({ queue: 'support' })).toEqual(['resolved', 'abandoned']);
    expect(ids({ queue: 'support', timeout: '10m' })).toEqual(['resolved', 'abandoned', 'timeout']);
    expect(bindNode('handoff', DATA).summary('en')).toBe('cards · thai, fraud · P5');
    expect(bindNode('handoff', { queue: 'support' }).summary('th')).toBe('support');
    expect(propsOf('handoff', { queue: 'support' })).toMatchObject({ priority: 0 });
  });
});

describe('handoff node: transfer', () => {
  it('starts the no-agent timeout over when an agent transfers the conversation', () => {
    const sim = handoff({ timeout: '5m' });
    sim.advance('4m');
    sim.agent({ accept: true });
    sim.advance('2m');
    expect(sim.agent({ transfer: 'fraud' }).handoff).toMatchObject({ queue: 'fraud', status: 'queued' });
    expect(sim.advance('4m').ended).toBe(false);
    expect(sim.advance('1m')).toMatchObject({ ended: true, outcome: 'timeout' });
  });
});
