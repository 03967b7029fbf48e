import { describe, expect, it } from 'vitest';
import { moveNodes } from '../state/documentEdits';
import { sampleFlow } from '../state/testDocs';
import { canvasEdges, canvasNodes, type CanvasInputs, type NodeCache } from './canvasModel';

function inputs(overrides: Partial<CanvasInputs> = {}): CanvasInputs {
  return {
    doc: sampleFlow(),
    locale: 'en',
    problems: new Map(),
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    marks: {},
    trace: null,
    readOnly: false,
    ...overrides,
  };
}

describe('canvas model', () => {
  it('types each node by its catalog category and lists its connected handles', () => {
    const nodes = canvasNodes(inputs(), new Map());
    expect(nodes.map((n) => n.type)).toEqual(['flow', 'messaging', 'flow']);
    expect(nodes[1]?.data.connected).toBe('lost');
  });

  it('reuses the objects of nodes that did not change', () => {
    const cache: NodeCache = new Map();
    const base = inputs();
    const first = canvasNodes(base, cache);
    const second = canvasNodes({ ...base, doc: moveNodes(base.doc, new Map([['end', { x: 1, y: 1 }]])) }, cache);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
  });

  it('marks the active node and the path, and highlights edges walked', () => {
    const trace = { active: 'menu', path: ['start', 'menu'], ended: false };
    const nodes = canvasNodes(inputs({ trace }), new Map());
    expect(nodes.map((n) => n.data.trace)).toEqual(['path', 'active', undefined]);
    const edges = canvasEdges(inputs({ trace }));
    expect(edges.map((e) => e.animated)).toEqual([true, false]);
  });

  it('makes nothing draggable or connectable when read-only', () => {
    const nodes = canvasNodes(inputs({ readOnly: true }), new Map());
    expect(nodes.every((n) => n.draggable === false && n.connectable === false)).toBe(true);
    expect(canvasEdges(inputs({ readOnly: true })).every((e) => e.reconnectable === false)).toBe(true);
  });

  it('gives cards not measured yet estimated handles, one per connected handle, and measured cards none', () => {
    const cache: NodeCache = new Map();
    const base = inputs();
    const first = canvasNodes(base, cache);
    expect(first[0]?.handles?.map((h) => [h.type, h.id])).toEqual([['source', 'next']]);
    expect(first[1]?.handles?.map((h) => [h.type, h.id])).toEqual([['target', null], ['source', 'lost']]);
    const measured = { width: 240, height: 96 };
    const second = canvasNodes(base, cache, new Map([['menu', measured]]));
    // A new object, so React Flow keeps the handle positions it measured instead of the estimate.
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]?.handles).toBeUndefined();
    expect(second[1]?.measured).toBe(measured);
    expect(second[0]).toBe(first[0]);
  });
});
