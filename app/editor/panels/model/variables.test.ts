import { describe, expect, it } from 'vitest';
import { FlowDocument } from '@/flows';
import { declareVariable, formatDefault, nameProblem, parseDefault, removeVariable, typeChoices, updateDeclaration, variableRows } from './variables';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'f',
  name: 'F',
  variables: { last4: { type: 'string' }, unused: { type: 'number', default: 0 } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'Card?', variable: 'last4', kind: 'digits' } },
    { id: 'say', type: 'message', data: { text: '{{ vars.last4 }} {{ vars.tier }}' } },
    { id: 'keep', type: 'set', data: { assign: [{ variable: 'score', value: 1 }] } },
  ],
});

describe('variableRows', () => {
  it('lists declared variables with their uses, then undeclared ones', () => {
    const { declared, undeclared } = variableRows(flow);
    expect(declared.map((row) => [row.name, row.writes.map((use) => use.nodeId), row.reads.map((use) => use.nodeId)])).toEqual([
      ['last4', ['ask'], ['say']],
      ['unused', [], []],
    ]);
    expect(undeclared.map((row) => row.name)).toEqual(['score', 'tier']);
    expect(undeclared[1]?.reads).toEqual([{ nodeId: 'say', path: 'text' }]);
  });
});

describe('variable edits', () => {
  it('declares, retypes and removes', () => {
    const added = declareVariable(flow.variables, 'tier');
    expect(Object.keys(added)).toEqual(['last4', 'unused', 'tier']);
    expect(added.tier).toEqual({ type: 'any' });
    expect(updateDeclaration(added, 'unused', { type: 'string', default: undefined })).toMatchObject({ unused: { type: 'string' } });
    expect(updateDeclaration(added, 'unused', { default: undefined }).unused).not.toHaveProperty('default');
    expect(Object.keys(removeVariable(added, 'unused'))).toEqual(['last4', 'tier']);
  });

  it('checks new names', () => {
    expect(nameProblem(flow.variables, 'last4')).toBe('taken');
    expect(nameProblem(flow.variables, 'last4', 'last4')).toBeUndefined();
    expect(nameProblem(flow.variables, '4x')).toBe('invalid');
    expect(nameProblem(flow.variables, 'vars.x')).toBe('invalid');
    expect(nameProblem(flow.variables, 'orderId')).toBeUndefined();
  });

  it('reads defaults by type', () => {
    expect(parseDefault('42', 'number')).toEqual({ ok: true, value: 42 });
    expect(parseDefault('x', 'number')).toEqual({ ok: false });
    expect(parseDefault('hello', 'string')).toEqual({ ok: true, value: 'hello' });
    expect(parseDefault('[1]', 'array')).toEqual({ ok: true, value: [1] });
    expect(parseDefault('[1', 'array')).toEqual({ ok: false });
    expect(parseDefault('word', 'any')).toEqual({ ok: true, value: 'word' });
    expect(parseDefault('', 'boolean')).toEqual({ ok: true, value: undefined });
    expect(formatDefault(false, 'boolean')).toBe('false');
    expect(formatDefault('x', 'string')).toBe('x');
    expect(typeChoices('date')).toContain('date');
    expect(typeChoices('string')).not.toContain('date');
  });
});
