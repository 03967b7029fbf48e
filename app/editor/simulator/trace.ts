import type { SimulatorTrace } from '@/app/editor/contracts';
import type { StepRecord } from './sessionTypes';

/**
 * What the canvas highlights for a session: the node the journey waits in and every node
 * entered, as top-level ids (a subflow's inner node `verify/ask-dob` shows as `verify`).
 *
 * @example sessionTrace(view.steps) // { active: 'menu', path: ['start', 'menu'], ended: false }
 */
export function sessionTrace(steps: readonly StepRecord[]): SimulatorTrace | null {
  const last = steps[steps.length - 1];
  if (!last) return null;
  const path: string[] = [];
  for (const step of steps) {
    for (const node of step.state.path) {
      const top = topLevel(node);
      // Entering a subflow's inner nodes stays "in" the subflow node: draw it once per visit.
      if (top !== node && path[path.length - 1] === top) continue;
      path.push(top);
    }
  }
  return { active: topLevel(last.state.at), path, ended: last.state.ended };
}

export function topLevel(node: string): string {
  const slash = node.indexOf('/');
  return slash === -1 ? node : node.slice(0, slash);
}
