import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FlowDocument } from '../schema/flow';
import { variableUsage } from './usage';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'usage',
  name: 'Usage',
  variables: { last4: { type: 'string' } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'Last 4 digits?', variable: 'vars.last4', kind: 'digits' } },
    { id: 'say', type: 'message', data: { text: { 'th-TH': 'เลข {{ vars.last4 }}', 'en-US': 'Card {{ vars.last4 }} for {{ contact.name }}' } } },
    { id: 'check', type: 'condition', data: { cases: [{ id: 'gold', rules: [{ var: 'tier', op: 'eq', value: 'gold' }] }, { id: 'big', expression: 'vars.amount > 100' }] } },
    { id: 'lookup', type: 'http', data: { method: 'POST', url: 'https://crm/{{ vars.customerId }}', body: { card: '{{ vars.last4 }}' }, save: [{ variable: 'tier', path: 'tier' }] } },
    { id: 'child', type: 'subflow', data: { flow: 'verify', output: { verified: 'ok' } } },
    { id: 'assign', type: 'set', data: { assign: [{ variable: 'score', value: 1 }] } },
    { id: 'odd', type: 'not-a-type', data: { text: '{{ vars.ghost }}' } },
  ],
});

describe('variableUsage', () => {
  const usage = variableUsage(flow);

  it('finds writes from variable fields, set assignments, http saves and subflow outputs', () => {
    expect(usage.get('last4')?.writes).toEqual([{ nodeId: 'ask', path: 'variable' }]);
    expect(usage.get('tier')?.writes).toEqual([{ nodeId: 'lookup', path: 'save[0].variable' }]);
    expect(usage.get('score')?.writes).toEqual([{ nodeId: 'assign', path: 'assign[0].variable' }]);
    expect(usage.get('verified')?.writes).toEqual([{ nodeId: 'child', path: '' }]);
  });

  it('finds reads in templates per locale, json bodies, rules and expressions', () => {
    expect(usage.get('last4')?.reads).toEqual([
      { nodeId: 'say', path: 'text.th-TH' },
      { nodeId: 'say', path: 'text.en-US' },
      { nodeId: 'lookup', path: 'body.card' },
    ]);
    expect(usage.get('tier')?.reads).toEqual([{ nodeId: 'check', path: 'cases[0].rules[0].var' }]);
    expect(usage.get('amount')?.reads).toEqual([{ nodeId: 'check', path: 'cases[1].expression' }]);
    expect(usage.get('customerId')?.reads).toEqual([{ nodeId: 'lookup', path: 'url' }]);
  });

  it('ignores other scopes and nodes of unknown types', () => {
    expect(usage.has('name')).toBe(false);
    expect(usage.has('ghost')).toBe(false);
  });

  it('reads a real example without throwing', () => {
    const example = FlowDocument.parse(JSON.parse(readFileSync('flows/examples/lost-card.flow.json', 'utf8')));
    const found = variableUsage(example);
    expect(found.get('last4')?.writes.length).toBeGreaterThan(0);
    expect(found.get('last4')?.reads.length).toBeGreaterThan(0);
  });
});
