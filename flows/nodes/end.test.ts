import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, propsOf, simulate, texts } from './testkit';

function endFlow(data: Record<string, unknown>) {
  return buildFlow([{ id: 'bye', type: 'end', data }]);
}

describe('end node', () => {
  it('sends its text, then ends with its outcome', () => {
    const state = simulate(endFlow({ outcome: 'contained', text: 'Goodbye, {{ contact.name }}!' }), { contact: { name: 'Ann' } }).state();
    expect(texts(state)).toEqual(['Goodbye, Ann!']);
    expect(state).toMatchObject({ ended: true, outcome: 'contained', at: 'bye', path: ['start', 'bye'] });
  });

  it('ends as resolved by default, silently without a text', () => {
    const state = simulate(endFlow({})).state();
    expect(state).toMatchObject({ ended: true, outcome: 'resolved', sent: [] });
  });

  it('takes a custom outcome label', () => {
    expect(simulate(endFlow({ outcome: 'callback_booked' })).state().outcome).toBe('callback_booked');
  });

  it('sends the per-channel variant of its text', () => {
    const text = { default: 'Bye! Chat again any time.', voice: 'Thank you for calling. Goodbye.' };
    expect(texts(simulate(endFlow({ text }), { channel: 'voice' }).state())).toEqual(['Thank you for calling. Goodbye.']);
  });

  it('refuses anything after the end', () => {
    const sim = simulate(endFlow({}));
    expect(() => sim.customer({ text: 'hello?' })).toThrow(/ended/);
  });

  it('binds: no handles; the summary is the outcome; any short label is an outcome', () => {
    const node = bindNode('end', { outcome: 'escalated' });
    expect(node.handles()).toEqual([]);
    expect(node.summary('en')).toBe('escalated');
    expect(node.summary('th')).toBe('escalated');
    expect(bindNode('end', {}).summary('en')).toBe('resolved');
    expect(propsOf('end', {})).toEqual({ outcome: 'resolved' });
    expect(bindNode('end', { outcome: 'no response' }).summary('en')).toBe('no response');
    expect(() => bindNode('end', { outcome: '   ' })).toThrow();
    expect(() => bindNode('end', { outcome: 'x'.repeat(65) })).toThrow();
  });
});
