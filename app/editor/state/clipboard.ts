// Copy and paste of a selection as JSON, so it pastes into another flow (or another tab).
import { z } from 'zod';
import type { FlowDocument } from '@/flows';
import { freshEdgeId, freshNodeId, type FlowEdge, type FlowNode } from './documentEdits';

export const CLIPBOARD_FORMAT = 'switchboard/clipboard@1';
/** How far a paste lands from the copied nodes, so it is visibly a copy. */
export const PASTE_OFFSET = 40;

const ClipboardNode = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  position: z.object({ x: z.number(), y: z.number() }),
  data: z.record(z.string(), z.unknown()),
});
const ClipboardEdge = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
});
export const ClipboardContent = z.object({
  format: z.literal(CLIPBOARD_FORMAT),
  nodes: z.array(ClipboardNode),
  edges: z.array(ClipboardEdge),
});
export type ClipboardContent = z.infer<typeof ClipboardContent>;

/** The selected nodes and the edges between them. */
export function copySelection(doc: FlowDocument, nodeIds: readonly string[]): ClipboardContent {
  const chosen = new Set(nodeIds);
  return {
    format: CLIPBOARD_FORMAT,
    nodes: doc.nodes.filter((node) => chosen.has(node.id)).map((node) => structuredClone(node)),
    edges: doc.edges
      .filter((edge) => chosen.has(edge.source) && chosen.has(edge.target))
      .map((edge) => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target })),
  };
}

/** Reads clipboard text; `undefined` for anything that is not a Switchboard selection. */
export function parseClipboard(text: string): ClipboardContent | undefined {
  try {
    const parsed = ClipboardContent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds copied nodes to a document: ids already taken get fresh ones, edges between copied nodes
 * follow them, positions shift by `offset`. A `start` node is skipped when the flow has one.
 */
export function pasteInto(doc: FlowDocument, content: ClipboardContent, offset = PASTE_OFFSET): { doc: FlowDocument; pasted: string[] } {
  const taken = new Set(doc.nodes.map((node) => node.id));
  const hasStart = doc.nodes.some((node) => node.type === 'start');
  const renamed = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (const node of content.nodes) {
    if (node.type === 'start' && (hasStart || nodes.some((added) => added.type === 'start'))) continue;
    const id = taken.has(node.id) || !/^[a-z0-9][a-z0-9-]*$/.test(node.id) ? freshNodeId(node.type, taken) : node.id;
    taken.add(id);
    renamed.set(node.id, id);
    nodes.push({ id, type: node.type, position: { x: node.position.x + offset, y: node.position.y + offset }, data: structuredClone(node.data) });
  }
  const edgeIds = new Set(doc.edges.map((edge) => edge.id));
  const edges: FlowEdge[] = [];
  for (const edge of content.edges) {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) continue;
    const id = freshEdgeId(source, edge.sourceHandle, target, edgeIds);
    edgeIds.add(id);
    edges.push({ id, source, sourceHandle: edge.sourceHandle, target });
  }
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, pasted: nodes.map((node) => node.id) };
}

/** Duplicate = copy + paste in place (offset), without touching the clipboard. */
export function duplicateNodes(doc: FlowDocument, nodeIds: readonly string[]): { doc: FlowDocument; pasted: string[] } {
  return pasteInto(doc, copySelection(doc, nodeIds));
}
