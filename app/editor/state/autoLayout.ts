// Auto-layout with elkjs (layered): nodes in columns (or rows) following the edges, each node's
// output handles kept in their order so branches do not cross needlessly.
import type { ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import { nodeType, type FlowDocument } from '@/flows';
import type { XY } from './documentEdits';

export type LayoutDirection = 'RIGHT' | 'DOWN';

export interface Size {
  width: number;
  height: number;
}

/** A node's size when the canvas has not measured it (e.g. off screen). */
export const DEFAULT_NODE_SIZE: Size = { width: 240, height: 110 };

let elk: Promise<{ layout(graph: ElkNode): Promise<ElkNode> }> | undefined;

/** elkjs is large: loaded the first time a layout is asked for, not with the editor. */
function layoutEngine() {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return elk;
}

/** New positions for every node; `sizes` are the rendered sizes where known. */
export async function autoLayout(
  doc: FlowDocument,
  direction: LayoutDirection,
  sizes: ReadonlyMap<string, Size> = new Map(),
): Promise<Map<string, XY>> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: doc.nodes.map((node) => {
      const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
      return {
        id: node.id,
        width: size.width,
        height: size.height,
        layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
        ports: portsOf(node, direction, doc.edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle)),
      };
    }),
    edges: doc.edges
      .filter((edge) => doc.nodes.some((n) => n.id === edge.source) && doc.nodes.some((n) => n.id === edge.target))
      .map((edge) => ({ id: edge.id, sources: [portId(edge.source, edge.sourceHandle)], targets: [portId(edge.target, '__in')] })),
  };
  const laidOut = await (await layoutEngine()).layout(graph);
  const positions = new Map<string, XY>();
  for (const child of laidOut.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

/** One input port, then the node's handles in catalog order (plus any an edge names, valid or not). */
function portsOf(node: FlowDocument['nodes'][number], direction: LayoutDirection, edgeHandles: readonly string[]): ElkPort[] {
  const bound = nodeType(node.type)?.bind(node.data);
  const handles = bound?.ok ? bound.node.handles().map((handle) => handle.id) : ['next'];
  const outSide = direction === 'RIGHT' ? 'EAST' : 'SOUTH';
  const inSide = direction === 'RIGHT' ? 'WEST' : 'NORTH';
  const ports: ElkPort[] = [{ id: portId(node.id, '__in'), width: 1, height: 1, layoutOptions: { 'elk.port.side': inSide } }];
  const ids = [...handles, 'next', ...edgeHandles].filter((id, index, all) => all.indexOf(id) === index);
  ids.forEach((handle, index) => {
    ports.push({ id: portId(node.id, handle), width: 1, height: 1, layoutOptions: { 'elk.port.side': outSide, 'elk.port.index': String(index) } });
  });
  return ports;
}

function portId(nodeId: string, handle: string): string {
  return `${nodeId}::${handle}`;
}
