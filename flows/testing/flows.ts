/**
 * Builders for small flows in tests: a start node and a list of nodes, chained by `next`
 * unless edges are given.
 */
export interface TestNode {
  id: string;
  type: string;
  data?: Record<string, unknown>;
}

export interface TestEdge {
  source: string;
  target: string;
  sourceHandle?: string;
}

export function testFlow(
  nodes: TestNode[],
  edges: TestEdge[],
  extra: { id?: string; locale?: string; variables?: Record<string, unknown>; channels?: string[] } = {},
): Record<string, unknown> {
  return {
    format: 'switchboard/flow@1',
    id: extra.id ?? 'test-flow',
    name: 'Test flow',
    locale: extra.locale ?? 'en-US',
    variables: extra.variables ?? {},
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: extra.channels ? { channels: extra.channels } : {} },
      ...nodes.map((node, index) => ({ ...node, position: { x: 0, y: (index + 1) * 140 }, data: node.data ?? {} })),
    ],
    edges: edges.map((edge, index) => ({ id: `e${index}`, ...edge })),
  };
}

/** `edge('menu', 'lost', 'ask')` or `edge('start', 'menu')`. */
export function edge(source: string, handleOrTarget: string, target?: string): TestEdge {
  return target === undefined ? { source, target: handleOrTarget } : { source, sourceHandle: handleOrTarget, target };
}

export const NOW = '2026-03-02T10:00:00+07:00';
