import { describe, expect, it } from 'vitest';
import { FlowDocument } from '@/flows';
import { applyCompletion, completionAt, filterNames, templateNames, variableNames } from './completion';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'f',
  name: 'F',
  variables: { last4: { type: 'string' } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'Order?', variable: 'orderId', kind: 'text' } },
  ],
});

describe('template completion', () => {
  it('offers declared and written variables, then the fixed scope', () => {
    const names = templateNames(flow);
    expect(names.slice(0, 2)).toEqual(['vars.last4', 'vars.orderId']);
    expect(names).toContain('contact.name');
    expect(names).toContain('input.text');
    expect(names).toContain('channel');
    expect(names).toContain('conversation.id');
    expect(variableNames(flow)).toEqual(['last4', 'orderId']);
  });

  it('opens only inside an open output tag, at the name', () => {
    expect(completionAt('Hi {{ vars.la', 13)).toEqual({ from: 6, prefix: 'vars.la' });
    expect(completionAt('Hi {{', 5)).toEqual({ from: 5, prefix: '' });
    expect(completionAt('Hi {{ x }} there', 16)).toBeUndefined();
    expect(completionAt('Hi there', 8)).toBeUndefined();
    expect(completionAt('{{ x | upcase', 13)).toBeUndefined();
  });

  it('filters names, prefix matches first', () => {
    expect(filterNames(['vars.last4', 'contact.name', 'vars.name'], 'name')).toEqual(['contact.name', 'vars.name']);
    expect(filterNames(['vars.last4', 'contact.name'], 'vars')).toEqual(['vars.last4']);
  });

  it('inserts the name and closes the tag when needed', () => {
    const open = 'Card {{ vars.la';
    expect(applyCompletion(open, { from: 8, prefix: 'vars.la' }, open.length, 'vars.last4')).toEqual({ text: 'Card {{ vars.last4 }}', cursor: 21 });
    const closed = 'Card {{ vars.la }} ok';
    expect(applyCompletion(closed, { from: 8, prefix: 'vars.la' }, 15, 'vars.last4').text).toBe('Card {{ vars.last4 }} ok');
  });
});
