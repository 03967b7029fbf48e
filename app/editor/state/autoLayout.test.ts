import { describe, expect, it } from 'vitest';
import { autoLayout } from './autoLayout';
import { sampleFlow } from './testDocs';

describe('auto-layout', () => {
  it('lays a chain out left to right', async () => {
    const positions = await autoLayout(sampleFlow(), 'RIGHT');
    const x = (id: string) => positions.get(id)?.x ?? NaN;
    expect(x('start')).toBeLessThan(x('menu'));
    expect(x('menu')).toBeLessThan(x('end'));
  });

  it('lays a chain out top to bottom', async () => {
    const positions = await autoLayout(sampleFlow(), 'DOWN');
    const y = (id: string) => positions.get(id)?.y ?? NaN;
    expect(y('start')).toBeLessThan(y('menu'));
    expect(y('menu')).toBeLessThan(y('end'));
  });

  it('keeps a menu’s branches in option order', async () => {
    const doc = sampleFlow();
    doc.nodes.push({ id: 'end-2', type: 'end', position: { x: 0, y: 0 }, data: {} });
    doc.edges.push({ id: 'b', source: 'menu', sourceHandle: 'balance', target: 'end-2' });
    const positions = await autoLayout(doc, 'RIGHT');
    expect(positions.get('end')?.y ?? NaN).toBeLessThan(positions.get('end-2')?.y ?? NaN);
  });

  it('survives an edge from a handle the node no longer has', async () => {
    const doc = sampleFlow();
    doc.edges.push({ id: 'x', source: 'end', sourceHandle: 'gone', target: 'start' });
    const positions = await autoLayout(doc, 'RIGHT');
    expect(positions.size).toBe(3);
  });
});
