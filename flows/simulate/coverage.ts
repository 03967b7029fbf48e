import type { FlowInventory } from '../compile/compile';

export interface FlowCoverage {
  flow: string;
  name: string;
  nodes: { covered: number; total: number; missing: string[] };
  handles: { covered: number; total: number; missing: string[] };
}

/** Which nodes were entered and which handles fired, per flow; merges across simulations. */
export class Coverage {
  private readonly nodes = new Map<string, Set<string>>();
  private readonly handles = new Map<string, Set<string>>();

  constructor(readonly inventory: Record<string, FlowInventory>) {}

  enter(flow: string, node: string): void {
    setOf(this.nodes, flow).add(node);
  }

  leave(flow: string, node: string, handle: string): void {
    setOf(this.handles, flow).add(`${node}:${handle}`);
  }

  /** Adds another coverage's hits (e.g. every journey of a flow). */
  merge(other: Coverage): void {
    Object.assign(this.inventory, { ...other.inventory, ...this.inventory });
    for (const [flow, nodes] of other.nodes) for (const node of nodes) setOf(this.nodes, flow).add(node);
    for (const [flow, handles] of other.handles) for (const handle of handles) setOf(this.handles, flow).add(handle);
  }

  report(): FlowCoverage[] {
    return Object.entries(this.inventory).map(([flow, inventory]) => {
      const nodes = this.nodes.get(flow) ?? new Set();
      const handles = this.handles.get(flow) ?? new Set();
      const missingNodes = inventory.nodes.filter((node) => !nodes.has(node));
      const missingHandles = inventory.handles.filter((handle) => !handles.has(handle));
      return {
        flow,
        name: inventory.name,
        nodes: { covered: inventory.nodes.length - missingNodes.length, total: inventory.nodes.length, missing: missingNodes },
        handles: { covered: inventory.handles.length - missingHandles.length, total: inventory.handles.length, missing: missingHandles },
      };
    });
  }
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let found = map.get(key);
  if (!found) {
    found = new Set();
    map.set(key, found);
  }
  return found;
}
