import { describe, expect, it } from 'vitest';
import { CLIPBOARD_FORMAT, copySelection, duplicateNodes, parseClipboard, pasteInto, PASTE_OFFSET } from './clipboard';
import { sampleFlow } from './testDocs';

describe('clipboard', () => {
  it('copies the chosen nodes and only the edges among them', () => {
    const content = copySelection(sampleFlow(), ['menu', 'end']);
    expect(content.format).toBe(CLIPBOARD_FORMAT);
    expect(content.nodes.map((n) => n.id)).toEqual(['menu', 'end']);
    expect(content.edges.map((e) => e.id)).toEqual(['menu-lost-end']);
  });

  it('round-trips through text and refuses anything else', () => {
    const content = copySelection(sampleFlow(), ['menu']);
    expect(parseClipboard(JSON.stringify(content))).toEqual(content);
    expect(parseClipboard('hello')).toBeUndefined();
    expect(parseClipboard('{"format":"other","nodes":[],"edges":[]}')).toBeUndefined();
  });

  it('remaps taken ids, keeps internal edges and offsets positions', () => {
    const doc = sampleFlow();
    const { doc: after, pasted } = pasteInto(doc, copySelection(doc, ['menu', 'end']));
    expect(pasted).toEqual(['menu-2', 'end-2']);
    expect(after.edges.at(-1)).toMatchObject({ source: 'menu-2', sourceHandle: 'lost', target: 'end-2' });
    expect(after.nodes.find((n) => n.id === 'menu-2')?.position).toEqual({ x: 300 + PASTE_OFFSET, y: PASTE_OFFSET });
  });

  it('keeps free ids when pasting into another flow', () => {
    const other = { ...sampleFlow(), id: 'other', nodes: [sampleFlow().nodes[0]!], edges: [] };
    const { pasted } = pasteInto(other, copySelection(sampleFlow(), ['menu']));
    expect(pasted).toEqual(['menu']);
  });

  it('never duplicates start into a flow that has one', () => {
    const { pasted, doc } = duplicateNodes(sampleFlow(), ['start', 'menu']);
    expect(pasted).toEqual(['menu-2']);
    expect(doc.nodes.filter((n) => n.type === 'start')).toHaveLength(1);
    const empty = { ...sampleFlow(), nodes: [], edges: [] };
    expect(pasteInto(empty, copySelection(sampleFlow(), ['start'])).pasted).toEqual(['start']);
  });

  it('copies data deeply, so editing the copy leaves the original alone', () => {
    const doc = sampleFlow();
    const { doc: after } = duplicateNodes(doc, ['menu']);
    expect(after.nodes.at(-1)?.data).toEqual(doc.nodes[1]?.data);
    expect(after.nodes.at(-1)?.data).not.toBe(doc.nodes[1]?.data);
  });
});
