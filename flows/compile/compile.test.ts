import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulate/simulation';
import { edge, NOW, testFlow } from '../testing/flows';
import { flowLibrary } from '../validate/library';
import { compileFlow } from './compile';

const child = testFlow(
  [
    { id: 'ask', type: 'collect', data: { prompt: 'Your member number?', variable: 'member', kind: 'digits', maxRetries: 0 } },
    { id: 'check', type: 'condition', data: { cases: [{ id: 'blocked', rules: [{ var: 'vars.member', op: 'eq', value: '0000' }] }] } },
    { id: 'ok', type: 'end', data: { text: 'Thanks {{ vars.greeting }}', outcome: 'verified' } },
    { id: 'failed', type: 'end', data: { outcome: 'error' } },
  ],
  [edge('start', 'ask'), edge('ask', 'check'), edge('check', 'blocked', 'failed'), edge('check', 'else', 'ok'), edge('ask', 'noInput', 'failed')],
  { id: 'member-check', variables: { member: { type: 'string' }, greeting: { type: 'string' } } },
);

const parent = testFlow(
  [
    { id: 'verify', type: 'subflow', data: { flow: 'member-check', input: { greeting: '{{ contact.name }}' }, output: { memberId: 'member' } } },
    { id: 'welcome', type: 'end', data: { text: 'Welcome, member {{ vars.memberId }}' } },
    { id: 'sorry', type: 'end', data: { text: 'Sorry, we could not check', outcome: 'escalated' } },
  ],
  [edge('start', 'verify'), edge('verify', 'done', 'welcome'), edge('verify', 'error', 'sorry')],
  { id: 'members', variables: { memberId: { type: 'string' } } },
);

const flows = flowLibrary([parent, child]);
const start = () => createSimulation(parent, { flows, now: NOW, channel: 'webchat', contact: { name: 'Nok' } });

describe('subflows', () => {
  it('runs the child inline, maps input and output, and leaves by done', () => {
    const sim = start();
    expect(sim.state().at).toBe('verify/ask');
    const state = sim.customer({ text: '1234' });
    expect(state.sent.map((m) => m.text)).toEqual(['Thanks Nok', 'Welcome, member 1234']);
    expect(state).toMatchObject({ ended: true, outcome: 'resolved', vars: { memberId: '1234' } });
    expect(state.path).toEqual(['verify/check', 'verify/ok', 'welcome']);
  });

  it('leaves by error when the child ends with outcome "error"', () => {
    const state = start().customer({ text: '0000' });
    expect(state).toMatchObject({ ended: true, outcome: 'escalated' });
    expect(state.vars).toEqual({});
  });

  it('leaves by error when the child reaches an unconnected handle', () => {
    const sim = start();
    const state = sim.customer({ text: 'not digits' });
    expect(state.at).toBe('sorry');
    expect(state.outcome).toBe('escalated');
  });

  it('records coverage under the flow that declares each node', () => {
    const sim = start();
    sim.customer({ text: '1234' });
    const report = sim.coverage.report();
    expect(report.map((flow) => flow.flow).sort()).toEqual(['member-check', 'members']);
    expect(report.find((flow) => flow.flow === 'member-check')!.nodes.missing).toEqual(['failed']);
  });

  it('keeps each child frame apart from the parent variables', () => {
    const result = compileFlow(parent, { flows });
    expect(result.ok).toBe(true);
    const sim = start();
    expect(sim.state().vars).toEqual({});
  });
});
