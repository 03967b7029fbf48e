// Pure edits of a flow document. Each returns a new document and keeps every untouched node and
// edge object as it was, so memoized canvas nodes re-render only when their own node changed.
import { nodeType, type FlowDocument } from '@/flows';

export type FlowNode = FlowDocument['nodes'][number];
export type FlowEdge = FlowDocument['edges'][number];
export interface XY {
  x: number;
  y: number;
}

/** A fresh node id for a type: `menu`, then `menu-2`, `menu-3`… (ids are slugs, unique in the flow). */
export function freshNodeId(type: string, taken: ReadonlySet<string>): string {
  const base = type.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '') || 'node';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A fresh edge id from its ends, unique among `taken`. */
export function freshEdgeId(source: string, handle: string, target: string, taken: ReadonlySet<string>): string {
  const base = `${source}-${handle}-${target}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The nearest spot at or below `at` where a new card does not sit on top of another one
 * (adding at the canvas centre twice must not hide the first node).
 */
export function freeSpot(doc: FlowDocument, at: XY, step = 48): XY {
  let spot = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let tries = 0; tries < 50; tries++) {
    const taken = doc.nodes.some((node) => Math.abs(node.position.x - spot.x) < 160 && Math.abs(node.position.y - spot.y) < step);
    if (!taken) return spot;
    spot = { x: spot.x + step / 2, y: spot.y + step };
  }
  return spot;
}

export function nodeIds(doc: FlowDocument): Set<string> {
  return new Set(doc.nodes.map((node) => node.id));
}

/** Adds a node of `type` with the catalog's defaults; returns the document and the new id. */
export function addNode(doc: FlowDocument, type: string, position: XY): { doc: FlowDocument; id: string } {
  const spec = nodeType(type);
  const id = freshNodeId(type, nodeIds(doc));
  const data = spec && isRecord(spec.defaults) ? structuredClone(spec.defaults) : {};
  const node: FlowNode = { id, type, position: { x: Math.round(position.x), y: Math.round(position.y) }, data };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** Moves nodes to new positions (node id → position). */
export function moveNodes(doc: FlowDocument, positions: ReadonlyMap<string, XY>): FlowDocument {
  if (positions.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      const at = positions.get(node.id);
      return at && (at.x !== node.position.x || at.y !== node.position.y) ? { ...node, position: { x: at.x, y: at.y } } : node;
    }),
  };
}

export interface Connection {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

/** Connects a source handle to a target; a handle has one edge, so an existing one is replaced. */
export function connect(doc: FlowDocument, connection: Connection): FlowDocument {
  const handle = connection.sourceHandle ?? 'next';
  if (connection.source === connection.target) return doc;
  const kept = doc.edges.filter((edge) => !(edge.source === connection.source && edge.sourceHandle === handle));
  const id = freshEdgeId(connection.source, handle, connection.target, new Set(kept.map((edge) => edge.id)));
  return { ...doc, edges: [...kept, { id, source: connection.source, sourceHandle: handle, target: connection.target }] };
}

/** Moves an edge's ends (dragging either end onto another handle). */
export function reconnect(doc: FlowDocument, edgeId: string, connection: Connection): FlowDocument {
  const without = { ...doc, edges: doc.edges.filter((edge) => edge.id !== edgeId) };
  return connect(without, connection);
}

/** Deletes nodes (with every edge that touches them) and edges. */
export function deleteElements(doc: FlowDocument, ids: { nodes: readonly string[]; edges: readonly string[] }): FlowDocument {
  const nodes = new Set(ids.nodes);
  const edges = new Set(ids.edges);
  if (nodes.size === 0 && edges.size === 0) return doc;
  return {
    ...doc,
    nodes: doc.nodes.filter((node) => !nodes.has(node.id)),
    edges: doc.edges.filter((edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target)),
  };
}

export function setNodeData(doc: FlowDocument, nodeId: string, data: Record<string, unknown>): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((node) => (node.id === nodeId ? { ...node, data } : node)) };
}

export function setVariables(doc: FlowDocument, variables: FlowDocument['variables']): FlowDocument {
  return { ...doc, variables };
}

/** The top-level `data` keys whose values differ: what a property edit touched. */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
