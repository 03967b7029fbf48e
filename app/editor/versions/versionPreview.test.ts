import { describe, expect, it } from 'vitest';
import { FlowDocument } from '@/flows';
import { countMarks, versionPreview } from './versionPreview';

/** Version 1: start → greet → menu → end; the draft then edits it as each test says. */
const version = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'card',
  name: 'Card',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
    { id: 'greet', type: 'message', position: { x: 0, y: 100 }, data: { text: 'Hello' } },
    { id: 'old-end', type: 'end', position: { x: 0, y: 200 }, data: {} },
    { id: 'bye', type: 'end', position: { x: 0, y: 300 }, data: { outcome: 'resolved' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'greet' },
    { id: 'e2', source: 'greet', target: 'old-end' },
  ],
});

function draftWith(change: (doc: FlowDocument) => void): FlowDocument {
  const doc = structuredClone(version);
  change(doc);
  return FlowDocument.parse(doc);
}

describe('versionPreview', () => {
  it('marks nothing when the draft is the version', () => {
    const preview = versionPreview(version, version, 'Version 1 compared with the draft');
    expect(preview).toEqual({ document: version, marks: {}, label: 'Version 1 compared with the draft' });
  });

  it('marks removed, changed and added nodes going from the version to the draft', () => {
    const draft = draftWith((doc) => {
      doc.nodes = doc.nodes.filter((node) => node.id !== 'old-end');
      doc.edges = doc.edges.filter((edge) => edge.id !== 'e2');
      const greet = doc.nodes.find((node) => node.id === 'greet');
      if (greet) greet.data = { text: 'Hello again' };
      doc.nodes.push({ id: 'survey', type: 'survey', position: { x: 200, y: 200 }, data: { kind: 'csat', question: 'How did we do?', variable: 'csat' } });
      doc.edges.push({ id: 'e3', source: 'greet', sourceHandle: 'next', target: 'survey' }, { id: 'e4', source: 'survey', sourceHandle: 'done', target: 'bye' });
    });
    const preview = versionPreview(version, draft, 'v1');
    expect(preview.marks).toEqual({ 'old-end': 'removed', greet: 'changed', survey: 'added' });
    expect(countMarks(preview.marks)).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('shows the version with the removed nodes, and the added nodes and their edges from the draft', () => {
    const draft = draftWith((doc) => {
      doc.nodes = doc.nodes.filter((node) => node.id !== 'old-end');
      doc.edges = [
        { id: 'e1', source: 'start', sourceHandle: 'next', target: 'greet' },
        { id: 'e2', source: 'greet', sourceHandle: 'next', target: 'survey' },
        { id: 'e3', source: 'survey', sourceHandle: 'done', target: 'bye' },
      ];
      doc.nodes.push({ id: 'survey', type: 'survey', position: { x: 200, y: 200 }, data: { kind: 'csat', question: 'Q', variable: 'csat' } });
    });
    const { document } = versionPreview(version, draft, 'v1');
    expect(document.nodes.map((node) => node.id)).toEqual(['start', 'greet', 'old-end', 'bye', 'survey']);
    // e2 keeps the version's meaning (greet → old-end): the draft reused the id for another edge.
    expect(document.edges.map(({ id, source, target }) => `${id}: ${source} → ${target}`)).toEqual([
      'e1: start → greet',
      'e2: greet → old-end',
      'e3: survey → bye',
    ]);
    expect(document.id).toBe(version.id);
  });

  it('does not mark a node that was only moved', () => {
    const draft = draftWith((doc) => {
      const greet = doc.nodes.find((node) => node.id === 'greet');
      if (greet) greet.position = { x: 400, y: 100 };
    });
    expect(versionPreview(version, draft, 'v1').marks).toEqual({});
  });

  it('leaves out a draft edge whose end is not on the canvas', () => {
    const draft = draftWith((doc) => {
      doc.edges.push({ id: 'dangling', source: 'bye', sourceHandle: 'next', target: 'nowhere' });
    });
    expect(versionPreview(version, draft, 'v1').document.edges.map((edge) => edge.id)).toEqual(['e1', 'e2']);
  });
});
