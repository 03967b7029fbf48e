// The document as React Flow nodes and edges. A node object is reused while nothing it shows
// changed, so React Flow and the memoized cards skip it (what keeps 1,000 nodes smooth).
import { Position, type NodeHandle } from '@xyflow/react';
import { nodeType, type FlowDocument } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import type { DiffMark, SimulatorTrace } from '../contracts';
import { DEFAULT_NODE_SIZE, type Size } from '../state/autoLayout';
import type { FlowNode } from '../state/documentEdits';
import type { CanvasEdge, CanvasNode, TraceState } from './canvasTypes';
import type { NodeProblems } from './nodeView';

export interface CanvasInputs {
  doc: FlowDocument;
  locale: Locale;
  problems: ReadonlyMap<string, NodeProblems>;
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  marks: Readonly<Record<string, DiffMark>>;
  trace: SimulatorTrace | null;
  readOnly: boolean;
}

/** Last output per node id; pass the same map on every call. */
export type NodeCache = Map<string, CanvasNode>;

/**
 * `sizes` are the sizes React Flow measured: a changed node object that carries them keeps its
 * handle positions instead of being measured again (which would happen on every drag frame).
 */
export function canvasNodes(inputs: CanvasInputs, cache: NodeCache, sizes: ReadonlyMap<string, Size> = new Map()): CanvasNode[] {
  const connected = connectedHandles(inputs.doc);
  const path = new Set(inputs.trace?.path ?? []);
  const seen = new Set<string>();
  const out = inputs.doc.nodes.map((node) => {
    seen.add(node.id);
    const next = canvasNode(node, inputs, connected.get(node.id) ?? '', traceOf(node.id, inputs.trace, path), sizes.get(node.id));
    const previous = cache.get(node.id);
    if (previous && sameNode(previous, next)) return previous;
    cache.set(node.id, next);
    return next;
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

export function canvasEdges(inputs: Pick<CanvasInputs, 'doc' | 'selectedEdges' | 'trace' | 'readOnly'>): CanvasEdge[] {
  const walked = new Set<string>();
  const path = inputs.trace?.path ?? [];
  for (let i = 1; i < path.length; i++) walked.add(`${path[i - 1]}→${path[i]}`);
  return inputs.doc.edges.map((edge) => {
    const onPath = walked.has(`${edge.source}→${edge.target}`);
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourceHandle,
      target: edge.target,
      selected: inputs.selectedEdges.has(edge.id),
      animated: onPath,
      className: onPath ? 'sb-edge-path' : undefined,
      reconnectable: !inputs.readOnly,
      deletable: !inputs.readOnly,
    };
  });
}

function canvasNode(node: FlowNode, inputs: CanvasInputs, connected: string, trace: TraceState | undefined, size: Size | undefined): CanvasNode {
  return {
    // Measured nodes keep the handle positions React Flow read from their DOM; until then, an
    // estimate (see estimatedHandles).
    ...(size ? { measured: size } : { handles: estimatedHandles(node, connected) }),
    // Until measured: what visibility culling and the minimap assume.
    initialWidth: DEFAULT_NODE_SIZE.width,
    initialHeight: DEFAULT_NODE_SIZE.height,
    id: node.id,
    type: nodeType(node.type)?.category ?? 'flow',
    position: node.position,
    selected: inputs.selectedNodes.has(node.id),
    draggable: !inputs.readOnly,
    connectable: !inputs.readOnly,
    deletable: !inputs.readOnly,
    data: {
      node,
      locale: inputs.locale,
      problems: inputs.problems.get(node.id),
      mark: inputs.marks[node.id],
      trace,
      readOnly: inputs.readOnly,
      connected,
    },
  };
}

/** Header height and handle-row pitch of a card (canvas.module.css), for the estimate below. */
const HEADER_HEIGHT = 32;
const ROW_HEIGHT = 22;

/**
 * Where a card not drawn yet has its handles, roughly. React Flow draws every node whose handles
 * it has not measured, whatever the viewport (its culling needs them to draw edges), so without
 * an estimate opening a 1,000-node flow rendered and measured all 1,000 cards to show the
 * hundred in view. With it, only cards in view are drawn; a card is measured, and its real
 * handle positions replace these, once it is drawn. Off-screen ends of edges are all an
 * estimate ever places: the ids are the node's connected handles, so every edge finds its own.
 */
function estimatedHandles(node: FlowNode, connected: string): NodeHandle[] {
  const { width, height } = DEFAULT_NODE_SIZE;
  const targets: NodeHandle[] = node.type === 'start' ? [] : [{ id: null, type: 'target', position: Position.Left, x: 0, y: height / 2 }];
  const sources = connected
    .split(' ')
    .filter(Boolean)
    .map((id, index): NodeHandle => ({ id, type: 'source', position: Position.Right, x: width, y: HEADER_HEIGHT + ROW_HEIGHT * (index + 0.5) }));
  return [...targets, ...sources];
}

function sameNode(a: CanvasNode, b: CanvasNode): boolean {
  return (
    a.type === b.type &&
    a.measured === b.measured &&
    a.position === b.position &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.data.node === b.data.node &&
    a.data.locale === b.data.locale &&
    sameProblems(a.data.problems, b.data.problems) &&
    a.data.mark === b.data.mark &&
    a.data.trace === b.data.trace &&
    a.data.readOnly === b.data.readOnly &&
    a.data.connected === b.data.connected
  );
}

function sameProblems(a: NodeProblems | undefined, b: NodeProblems | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.errors === b.errors && a.warnings === b.warnings && a.messages.join('\n') === b.messages.join('\n');
}

function traceOf(id: string, trace: SimulatorTrace | null, path: ReadonlySet<string>): TraceState | undefined {
  if (!trace) return undefined;
  if (trace.active === id) return 'active';
  return path.has(id) ? 'path' : undefined;
}

/** Node id → its connected handle ids, space-separated. */
function connectedHandles(doc: FlowDocument): Map<string, string> {
  const byNode = new Map<string, string[]>();
  for (const edge of doc.edges) {
    const list = byNode.get(edge.source) ?? [];
    list.push(edge.sourceHandle);
    byNode.set(edge.source, list);
  }
  return new Map([...byNode].map(([id, handles]) => [id, handles.join(' ')]));
}
