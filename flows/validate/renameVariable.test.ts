import { describe, expect, it } from 'vitest';
import { FlowDocument } from '../schema/flow';
import { renameVariableInFlow } from './renameVariable';
import { validateFlow } from './validate';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'rename',
  name: 'Rename',
  variables: { amount: { type: 'number' }, amountDue: { type: 'number' }, other: { type: 'string' } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'How much? Last time {{ vars.amount }} ({{vars.amountDue}})', variable: 'amount', kind: 'number' } },
    {
      id: 'check',
      type: 'condition',
      data: { cases: [{ id: 'big', rules: [{ var: 'vars.amount', op: 'gte', value: 100 }] }, { id: 'due', expression: 'vars.amount > vars.amountDue' }] },
    },
    { id: 'note', type: 'set', data: { assign: [{ variable: 'other', value: 'amount is {{ vars.amount }}' }, { variable: 'amount', expression: 'vars.amount + 1' }] } },
    { id: 'child', type: 'subflow', data: { flow: 'child', output: { amount: 'total', other: 'label' } } },
    { id: 'end', type: 'end', data: {} },
  ],
  edges: [],
});

describe('renameVariableInFlow', () => {
  it('renames the declaration in place, the fields that write it and every vars.<name> reference', () => {
    const renamed = renameVariableInFlow(flow, 'amount', 'total');
    expect(Object.keys(renamed.variables)).toEqual(['total', 'amountDue', 'other']);
    const data = Object.fromEntries(renamed.nodes.map((node) => [node.id, node.data]));
    expect(data.ask).toMatchObject({ prompt: 'How much? Last time {{ vars.total }} ({{vars.amountDue}})', variable: 'total' });
    expect(data.check).toEqual({
      cases: [{ id: 'big', rules: [{ var: 'vars.total', op: 'gte', value: 100 }] }, { id: 'due', expression: 'vars.total > vars.amountDue' }],
    });
    expect(data.note).toEqual({ assign: [{ variable: 'other', value: 'amount is {{ vars.total }}' }, { variable: 'total', expression: 'vars.total + 1' }] });
    expect(data.child).toEqual({ flow: 'child', output: { total: 'total', other: 'label' } });
  });

  it('leaves no undeclared-variable warning behind', () => {
    const codes = (doc: unknown) => validateFlow(doc).filter((d) => d.code === 'undeclared-variable');
    expect(codes(flow)).toEqual([]);
    expect(codes(renameVariableInFlow(flow, 'amount', 'total'))).toEqual([]);
  });

  it('changes nothing for an unknown name or the same name', () => {
    expect(renameVariableInFlow(flow, 'missing', 'x')).toBe(flow);
    expect(renameVariableInFlow(flow, 'amount', 'amount')).toBe(flow);
  });
});
