import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile';
import { flowLibrary } from '../validate/library';
import { bindNode, buildFlow, nodeFlow, simulate, texts } from './testkit';

/** A child flow that asks for the card's last 4 digits and ends, greeting by the input name. */
const verify = buildFlow(
  [
    { id: 'hello', type: 'message', data: { text: 'Hi {{ vars.name }}, tier {{ vars.tier }}' }, to: 'ask' },
    { id: 'ask', type: 'collect', data: { prompt: 'Last 4 digits?', variable: 'last4', kind: 'digits', maxRetries: 0 }, to: { next: 'ok', invalid: 'bye' } },
    { id: 'ok', type: 'end', data: { outcome: 'verified', text: 'Thanks.' } },
  ],
  { id: 'verify', variables: { name: { type: 'string' }, last4: { type: 'string' }, tier: { type: 'string', default: 'standard' } } },
);
// `noInput` of `ask` stays unconnected, and `bye` is a message whose next is unconnected.
verify.nodes.push({ id: 'bye', type: 'message', data: { text: 'Sorry, that did not work.' } });

const library = flowLibrary([verify]);

function parent(data: Record<string, unknown> = {}) {
  return buildFlow(
    [
      { id: 'check', type: 'subflow', data: { flow: 'verify', input: { name: '{{ contact.name }}' }, output: { digits: 'last4' }, ...data }, to: { done: 'after', error: 'end:error' } },
      { id: 'after', type: 'message', data: { text: 'Card ending {{ vars.digits }}' }, to: 'end:resolved' },
    ],
    { variables: { digits: { type: 'string' } } },
  );
}

describe('subflow node', () => {
  it('runs the child with its input, at qualified node ids', () => {
    const state = simulate(parent(), { flows: library, contact: { name: 'Ann' } }).state();
    expect(texts(state)).toEqual(['Hi Ann, tier standard', 'Last 4 digits?']);
    expect(state.at).toBe('check/ask');
    expect(state.path).toEqual(['start', 'check', 'check/start', 'check/hello', 'check/ask']);
  });

  it('copies output back when the child ends, and leaves by done', () => {
    const sim = simulate(parent(), { flows: library, contact: { name: 'Ann' } });
    const state = sim.customer({ text: '4321' });
    expect(texts(state)).toEqual(['Thanks.', 'Card ending 4321']);
    expect(state).toMatchObject({ ended: true, outcome: 'resolved', vars: { digits: '4321' } });
    expect(state.path).toEqual(['check/ok', 'after', 'end-resolved']);
  });

  it('keeps the child variables in their own frame: the parent sees only the output', () => {
    const sim = simulate(parent(), { flows: library, contact: { name: 'Ann' } });
    expect(sim.state().vars).toEqual({});
    expect(Object.keys(sim.customer({ text: '4321' }).vars)).toEqual(['digits']);
  });

  it('leaves by error when the child reaches an unconnected handle', () => {
    const sim = simulate(parent(), { flows: library });
    const state = sim.customer({ text: 'not digits' });
    expect(texts(state)).toEqual(['Sorry, that did not work.']);
    expect(state).toMatchObject({ ended: true, outcome: 'error', vars: {} });
    expect(state.path).toEqual(['check/bye', 'end-error']);
  });

  it('leaves by error when the child ends with outcome "error"', () => {
    const failing = buildFlow([{ id: 'oops', type: 'end', data: { outcome: 'error', text: 'Could not verify.' } }], { id: 'failing' });
    const state = simulate(parent({ flow: 'failing', output: {} }), { flows: flowLibrary([failing]) }).state();
    expect(texts(state)).toEqual(['Could not verify.']);
    expect(state).toMatchObject({ outcome: 'error', path: ['start', 'check', 'check/start', 'check/oops', 'end-error'] });
  });

  it('leaves by error at once when the child flow is unknown', () => {
    const state = simulate(parent({ flow: 'nowhere' }), { flows: library }).state();
    expect(state).toMatchObject({ ended: true, outcome: 'error', path: ['start', 'check', 'end-error'] });
  });

  it('a child timer and a hangup inside the child work as anywhere else', () => {
    const timed = simulate(parent(), { flows: library });
    expect(timed.advance('10s')).toMatchObject({ outcome: 'error' }); // noInput is unconnected in the child
    expect(simulate(parent(), { flows: library }).customer({ hangup: true })).toMatchObject({ outcome: 'abandoned' });
  });

  it('runs a child inside a child, qualifying ids at each level', () => {
    const outer = buildFlow([{ id: 'inner', type: 'subflow', data: { flow: 'wrap' }, to: { done: 'end:resolved', error: 'end:error' } }]);
    const wrap = buildFlow([{ id: 'deep', type: 'subflow', data: { flow: 'verify' }, to: { done: 'fin', error: 'fin' } }, { id: 'fin', type: 'end' }], { id: 'wrap' });
    const state = simulate(outer, { flows: flowLibrary([wrap, verify]) }).state();
    expect(state.at).toBe('inner/deep/ask');
  });

  it('is refused by the compiler when it calls itself', () => {
    const self = buildFlow([{ id: 'again', type: 'subflow', data: { flow: 'loop' }, to: { done: 'end:resolved', error: 'end:error' } }], { id: 'loop' });
    expect(compileFlow(self, { flows: flowLibrary([self]) }).ok).toBe(false);
  });

  it('binds: done and error; summary, calls and writes from the props', () => {
    const node = bindNode('subflow', { flow: 'verify', output: { 'vars.digits': 'last4' } });
    expect(node.handles().map((handle) => handle.id)).toEqual(['done', 'error']);
    expect(node.summary('en')).toBe('↳ verify');
    expect(node.summary('th')).toBe('↳ verify');
    expect(node.calls()).toEqual(['verify']);
    expect(node.writes()).toEqual(['digits']);
  });

  it('compiles standalone as a node that fails over to error', () => {
    expect(simulate(nodeFlow('subflow', { flow: 'missing' })).state().outcome).toBe('error');
  });
});

describe('subflow node: input values', () => {
  it('passes a value that is one {{ path }} as it is, so numbers and lists reach the child intact', () => {
    const child = buildFlow([{ id: 'sum', type: 'set', data: { assign: [{ variable: 'total', expression: '$sum(vars.amounts) + vars.fee' }] }, to: 'end:resolved' }], {
      id: 'adder',
      variables: { amounts: { type: 'array' }, fee: { type: 'number' }, total: { type: 'number' } },
    });
    const caller = buildFlow(
      [
        { id: 'add', type: 'subflow', data: { flow: 'adder', input: { amounts: '{{ vars.amounts }}', fee: '{{ vars.fee }}' }, output: { total: 'total' } }, to: { done: 'end:done', error: 'end:error' } },
      ],
      { variables: { amounts: { type: 'array' }, fee: { type: 'number' }, total: { type: 'number' } } },
    );
    const state = simulate(caller, { flows: flowLibrary([child]), vars: { amounts: [10, 20], fee: 3 } }).state();
    expect(state).toMatchObject({ outcome: 'done', vars: { total: 33 } });
  });
});
