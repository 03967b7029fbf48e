import { describe, expect, it } from 'vitest';
import { validateFlow } from '@/flows';
import { sampleFlow } from '../state/testDocs';
import { isPlainNext, nodeView, problemsByNode } from './nodeView';

describe('node view', () => {
  it('labels handles from the node data and the catalog texts', () => {
    const menu = sampleFlow().nodes[1]!;
    const view = nodeView(menu, 'en');
    expect(view.label).toBe('Menu');
    expect(view.icon).toBe('list');
    expect(view.handles.map((h) => h.label)).toEqual(['Lost', 'Balance', 'No match', 'No input']);
    expect(view.summary).toContain('Press 1');
    expect(nodeView(menu, 'th').label).toBe('เมนู');
  });

  it('renders invalid data and unknown types without throwing', () => {
    const broken = { id: 'm', type: 'menu', position: { x: 0, y: 0 }, data: { options: 'nope' } };
    const view = nodeView(broken, 'en', ['lost']);
    expect(view.invalid).toBe(true);
    expect(view.handles).toEqual([{ id: 'lost', label: 'lost', active: false }]);
    expect(nodeView({ ...broken, type: 'teleport' }, 'en').unknown).toBe(true);
  });

  it('spots a lone next handle', () => {
    expect(isPlainNext(nodeView(sampleFlow().nodes[0]!, 'en').handles)).toBe(true);
    expect(isPlainNext(nodeView(sampleFlow().nodes[1]!, 'en').handles)).toBe(false);
  });

  it('counts problems per node', () => {
    const doc = sampleFlow();
    const problems = problemsByNode(validateFlow(doc), doc.edges, 'en');
    expect(problems.get('menu')?.warnings).toBeGreaterThan(0);
    expect(problems.get('start')).toBeUndefined();
  });
});
