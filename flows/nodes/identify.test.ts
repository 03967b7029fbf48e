import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, simulate, texts } from './testkit';

function linkFlow(data: Record<string, unknown> = {}) {
  return buildFlow([
    { id: 'ask', type: 'collect', data: { prompt: 'Your email?', variable: 'email', kind: 'text' }, to: 'link' },
    { id: 'link', type: 'identify', data: { kind: 'email', address: '{{ vars.email }}', ...data }, to: { linked: 'thanks', invalid: 'end:invalid' } },
    { id: 'thanks', type: 'message', data: { text: 'Linked {{ contact.email }}' }, to: 'end:resolved' },
  ]);
}

describe('identify node', () => {
  it('links the rendered, normalised address and leaves by linked; templates then see it on the contact', () => {
    const sim = simulate(linkFlow(), { channel: 'webchat' });
    const state = sim.customer({ text: ' Ana@Example.com ' });
    expect(state.path).toEqual(['link', 'thanks', 'end-resolved']);
    expect(state.identities).toEqual([{ kind: 'email', address: 'ana@example.com' }]);
    expect(texts(state)).toEqual(['Linked ana@example.com']);
  });

  it('leaves by invalid, linking nothing, when the address is not one of its kind', () => {
    const state = simulate(linkFlow(), { channel: 'webchat' }).customer({ text: 'not an email' });
    expect(state).toMatchObject({ outcome: 'invalid', path: ['link', 'end-invalid'] });
    expect(state.identities).toEqual([]);
  });

  it('links phone numbers as E.164, so calls and SMS from them are one identity', () => {
    const sim = simulate(linkFlow({ kind: 'phone' }), { channel: 'webchat' });
    expect(sim.customer({ text: '+66 81-000-0001' }).identities).toEqual([{ kind: 'phone', address: '+66810000001' }]);
  });

  it('keeps a contact email already known (the link still happens)', () => {
    const sim = simulate(linkFlow(), { channel: 'webchat', contact: { email: 'old@example.com' } });
    const state = sim.customer({ text: 'new@example.com' });
    expect(state.identities).toEqual([{ kind: 'email', address: 'new@example.com' }]);
    expect(texts(state)).toEqual(['Linked old@example.com']);
  });

  it('binds: linked and invalid; the summary shows the kind', () => {
    const node = bindNode('identify', { kind: 'line', address: '{{ vars.line }}' });
    expect(node.handles().map((handle) => handle.id)).toEqual(['linked', 'invalid']);
    expect(node.summary('en')).toBe('line');
    expect(() => bindNode('identify', { kind: 'fax', address: 'x' })).toThrow(/do not parse/);
  });
});
