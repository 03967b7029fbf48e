import { analyzeFlow } from '../validate/analyze';
import { checkModel } from '../validate/validate';
import type { Diagnostic } from '../validate/diagnostics';

export interface PathStep {
  node: string;
  type: string;
  /** The handle taken out of the node (absent on the last step). */
  handle?: string;
}

export type PathEnd =
  | { kind: 'end'; outcome: string }
  | { kind: 'unhandled'; handle: string }
  | { kind: 'loop'; to: string }
  | { kind: 'cut' };

export interface FlowPath {
  steps: PathStep[];
  end: PathEnd;
}

export interface PathsResult {
  paths: FlowPath[];
  /** True when the bound was reached and more paths exist. */
  truncated: boolean;
  diagnostics: Diagnostic[];
}

/**
 * The distinct paths from the start node to every way the conversation can end: an `end`
 * node, an unconnected handle, or a loop back to a node already on the path. Bounded by
 * `limit` paths and `maxDepth` nodes per path.
 *
 * @example flowPaths(doc).paths.map((p) => p.steps.map((s) => s.node).join(' → '))
 */
export function flowPaths(raw: unknown, { limit = 100, maxDepth = 200 } = {}): PathsResult {
  const { model, diagnostics } = analyzeFlow(raw);
  if (!model) return { paths: [], truncated: false, diagnostics };
  const { outgoing } = checkModel(model);
  const start = model.nodeList.find((entry) => entry.node.type === 'start');
  if (!start) return { paths: [], truncated: false, diagnostics };
  const paths: FlowPath[] = [];
  let truncated = false;
  const onPath = new Set<string>();
  const steps: PathStep[] = [];

  const visit = (id: string): void => {
    if (paths.length >= limit) {
      truncated = true;
      return;
    }
    const entry = model.nodes.get(id);
    if (!entry) return;
    if (onPath.has(id)) {
      paths.push({ steps: [...steps], end: { kind: 'loop', to: id } });
      return;
    }
    if (steps.length >= maxDepth) {
      paths.push({ steps: [...steps], end: { kind: 'cut' } });
      return;
    }
    const handles = entry.bound.handles().filter((handle) => handle.active);
    if (handles.length === 0) {
      const outcome = entry.node.type === 'end' ? String(entry.node.data.outcome ?? 'resolved') : 'resolved';
      paths.push({ steps: [...steps, { node: id, type: entry.node.type }], end: { kind: 'end', outcome } });
      return;
    }
    onPath.add(id);
    for (const handle of handles) {
      const target = outgoing.get(id)?.get(handle.id);
      steps.push({ node: id, type: entry.node.type, handle: handle.id });
      if (target === undefined) paths.push({ steps: [...steps], end: { kind: 'unhandled', handle: handle.id } });
      else visit(target);
      steps.pop();
    }
    onPath.delete(id);
  };
  visit(start.node.id);
  return { paths, truncated, diagnostics };
}
