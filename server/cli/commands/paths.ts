import { flowPaths, type FlowPath } from '@/flows';
import { loadJson, shown } from '../../files';
import type { Command } from '../main';

export const pathsCommand: Command = {
  summary: 'list the distinct paths from start to every end (bounded), a starting point for tests',
  usage: 'paths <file> [--limit n]',
  run(args, output) {
    const file = args.find((arg) => !arg.startsWith('-') && !/^\d+$/.test(arg));
    const limitAt = args.indexOf('--limit');
    const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 100;
    if (!file) throw new Error('give a flow file, e.g. switchboard paths flows/examples/lost-card.flow.json');
    if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit takes a positive whole number');
    const loaded = loadJson(file);
    if (!loaded.ok) {
      output.err(`${shown(file)}: ${loaded.error}`);
      return 1;
    }
    const result = flowPaths(loaded.json, { limit });
    if (result.paths.length === 0) {
      output.err(`${shown(file)}: no paths (the flow has no start node or does not parse; run switchboard validate)`);
      return 1;
    }
    result.paths.forEach((path, index) => output.out(`${String(index + 1).padStart(3)}. ${describePath(path)}`));
    output.out(`${result.paths.length} path${result.paths.length === 1 ? '' : 's'}${result.truncated ? ` (stopped at ${limit}; use --limit)` : ''}`);
    return 0;
  },
};

export function describePath(path: FlowPath): string {
  const steps = path.steps.map((step) => (step.handle && step.handle !== 'next' ? `${step.node} [${step.handle}]` : step.node)).join(' › ');
  switch (path.end.kind) {
    case 'end':
      return `${steps} ⇒ ${path.end.outcome}`;
    case 'unhandled':
      return `${steps} ⇒ unhandled (not connected)`;
    case 'loop':
      return `${steps} ↺ ${path.end.to}`;
    case 'cut':
      return `${steps} …`;
  }
}
