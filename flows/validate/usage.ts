import { Text, variableKey } from '../schema/common';
import type { FlowDocument } from '../schema/flow';
import type { Widget } from '../schema/meta';
import { nodeType } from '../nodes/catalog';
import { expressionReads } from '../lang/expression';
import { splitPath } from '../lang/path';
import { templateReads } from '../lang/template';
import { textLeaves } from '../lang/text';
import { formatPath } from './diagnostics';
import { forEachString, walkFields } from './fields';

/** One place a variable is read or written: the node, and the field inside its `data`. */
export interface VariableUse {
  nodeId: string;
  /** Path inside the node's data, e.g. `assign[0].variable`; empty when the node as a whole writes it. */
  path: string;
}

export interface VariableUsage {
  reads: VariableUse[];
  writes: VariableUse[];
}

/**
 * Where each flow variable is written (`variable` fields, `set` assignments, a node's
 * `writes()`) and read (templates, rules, expressions, paths that mention `vars.<name>`).
 * Reads the same fields the validator checks, so the variables panel and the
 * `undeclared-variable` warning agree. Nodes of unknown types are skipped; never throws.
 *
 * @example variableUsage(flow).get('last4') // { reads: [{ nodeId: 'confirm', path: 'text' }], writes: [...] }
 */
export function variableUsage(flow: Pick<FlowDocument, 'nodes'>): Map<string, VariableUsage> {
  const usage = new Map<string, VariableUsage>();
  const entry = (name: string): VariableUsage => {
    let found = usage.get(name);
    if (!found) usage.set(name, (found = { reads: [], writes: [] }));
    return found;
  };
  for (const node of flow.nodes) {
    const type = nodeType(node.type);
    if (!type) continue;
    const written = new Set<string>();
    const record = (kind: 'reads' | 'writes', name: string, keys: readonly (string | number)[]) => {
      const list = entry(name)[kind];
      const path = formatPath(keys);
      if (!list.some((use) => use.nodeId === node.id && use.path === path)) list.push({ nodeId: node.id, path });
      if (kind === 'writes') written.add(name);
    };
    walkFields(type.props, node.data, (widget, value, keys) => {
      for (const read of fieldReads(widget, value, keys)) record('reads', read.name, read.keys);
      if (widget === 'variable' && typeof value === 'string' && value !== '') record('writes', variableKey(value), keys);
    });
    const bound = type.bind(node.data);
    if (bound.ok) for (const name of bound.node.writes()) if (!written.has(name)) record('writes', name, []);
  }
  return usage;
}

/** The `vars.<name>` reads of one field, by its widget (as the validator reads them). */
function fieldReads(widget: Widget, value: unknown, keys: (string | number)[]): { name: string; keys: (string | number)[] }[] {
  const out: { name: string; keys: (string | number)[] }[] = [];
  const add = (paths: string[][], where: (string | number)[]) => {
    for (const path of paths) if (path[0] === 'vars' && path[1] !== undefined) out.push({ name: path[1], keys: where });
  };
  switch (widget) {
    case 'liquid':
      for (const leaf of textLeaves(Text.safeParse(value).data)) add(templateReads(leaf.template), [...keys, ...leaf.key]);
      break;
    case 'json':
      forEachString(value, keys, (text, where) => add(templateReads(text), where));
      break;
    case 'expression':
      if (typeof value === 'string') add(expressionReads(value), keys);
      break;
    case 'path':
      if (typeof value === 'string') add([splitPath(value)], keys);
      break;
    default:
      break;
  }
  return out;
}
