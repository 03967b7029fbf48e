import { describe, expect, it } from 'vitest';
import { FlowDocument, validateFlow } from '@/flows';
import { freshDiagnostics } from './liveChecks';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'live',
  name: 'Live',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'menu', type: 'menu', data: { prompt: 'Hi {{ vars.who }}', options: [{ id: 'a', label: 'A', keys: ['1'] }], timeout: '10s' } },
  ],
  edges: [{ source: 'start', target: 'menu' }],
});
const given = validateFlow(flow).filter((diag) => diag.nodeId === 'menu');

describe('freshDiagnostics', () => {
  it('checks the fields of the data as it is now', () => {
    const typed = { ...flow.nodes[1]!.data, timeout: '10 sec', prompt: 'Hi {{ vars.who' };
    const codes = freshDiagnostics(flow, flow.nodes[1]!, typed, given).map((diag) => diag.code).sort();
    expect(codes).toContain('invalid-duration');
    expect(codes).toContain('invalid-template');
  });

  it('drops field problems that are fixed, keeping the whole-flow ones', () => {
    const stale = validateFlow({ ...flow, nodes: [flow.nodes[0], { ...flow.nodes[1], data: { ...flow.nodes[1]!.data, timeout: 'soon' } }] }).filter((diag) => diag.nodeId === 'menu');
    expect(stale.map((diag) => diag.code)).toContain('invalid-duration');
    const fresh = freshDiagnostics(flow, flow.nodes[1]!, flow.nodes[1]!.data, stale);
    expect(fresh.map((diag) => diag.code)).not.toContain('invalid-duration');
    // Whole-flow problems are the canvas's to tell: kept as given.
    expect(fresh.map((diag) => diag.code)).toContain('undeclared-variable');
    expect(fresh.map((diag) => diag.code)).toContain('unconnected-handle');
  });
});
