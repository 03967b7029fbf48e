import { describe, expect, it } from 'vitest';
import { nodeType } from '@/flows';
import { addNode, changedKeys, connect, deleteElements, freeSpot, freshNodeId, moveNodes, reconnect } from './documentEdits';
import { sampleFlow } from './testDocs';

describe('document edits', () => {
  it('names new nodes after their type, numbering when taken', () => {
    expect(freshNodeId('menu', new Set())).toBe('menu');
    expect(freshNodeId('menu', new Set(['menu', 'menu-2']))).toBe('menu-3');
  });

  it('adds a node with the catalog defaults and a fresh id', () => {
    const { doc, id } = addNode(sampleFlow(), 'menu', { x: 10.4, y: 20.6 });
    expect(id).toBe('menu-2');
    const node = doc.nodes.find((n) => n.id === id);
    expect(node?.data).toEqual(nodeType('menu')?.defaults);
    expect(node?.position).toEqual({ x: 10, y: 21 });
  });

  it('keeps untouched nodes as the same objects', () => {
    const before = sampleFlow();
    const after = moveNodes(before, new Map([['menu', { x: 1, y: 2 }]]));
    expect(after.nodes[0]).toBe(before.nodes[0]);
    expect(after.nodes[1]?.position).toEqual({ x: 1, y: 2 });
  });

  it('gives a source handle one edge: connecting again replaces it', () => {
    const doc = connect(sampleFlow(), { source: 'menu', sourceHandle: 'lost', target: 'start' });
    const fromLost = doc.edges.filter((edge) => edge.source === 'menu' && edge.sourceHandle === 'lost');
    expect(fromLost).toEqual([{ id: 'menu-lost-start', source: 'menu', sourceHandle: 'lost', target: 'start' }]);
    expect(doc.edges).toHaveLength(2);
  });

  it('treats a missing handle as next and refuses a self-loop edge', () => {
    const doc = connect(sampleFlow(), { source: 'start', sourceHandle: null, target: 'end' });
    expect(doc.edges.find((edge) => edge.source === 'start')).toMatchObject({ sourceHandle: 'next', target: 'end' });
    expect(connect(sampleFlow(), { source: 'menu', target: 'menu' }).edges).toHaveLength(2);
  });

  it('reconnects an edge to another handle', () => {
    const doc = reconnect(sampleFlow(), 'menu-lost-end', { source: 'menu', sourceHandle: 'balance', target: 'end' });
    expect(doc.edges.map((edge) => edge.id)).toEqual(['start-next-menu', 'menu-balance-end']);
  });

  it('deletes nodes with their edges, and edges alone', () => {
    const doc = deleteElements(sampleFlow(), { nodes: ['menu'], edges: [] });
    expect(doc.nodes.map((n) => n.id)).toEqual(['start', 'end']);
    expect(doc.edges).toEqual([]);
    expect(deleteElements(sampleFlow(), { nodes: [], edges: ['menu-lost-end'] }).edges).toHaveLength(1);
  });

  it('names the data fields an edit touched', () => {
    expect(changedKeys({ a: 1, b: [1] }, { a: 1, b: [2], c: 3 })).toEqual(['b', 'c']);
  });

  it('finds a free spot instead of stacking a card on another', () => {
    expect(freeSpot(sampleFlow(), { x: 100, y: 300 })).toEqual({ x: 100, y: 300 });
    const spot = freeSpot(sampleFlow(), { x: 310, y: 10 });
    expect(spot.y).toBeGreaterThanOrEqual(48);
  });
});
