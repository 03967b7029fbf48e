import { z } from 'zod';
import { FLOW_FORMAT, FlowDocumentV1, FlowEdge, FlowNode, type FlowDocument } from '../schema/flow';
import { upgradeFlow } from '../schema/upgrade';
import type { BoundNode, NodeType } from '../nodes/define';
import { nodeType, NODE_TYPES } from '../nodes/catalog';
import { diagnostic, formatPath, type Diagnostic } from './diagnostics';

export interface ModelNode {
  index: number;
  node: FlowNode;
  type: NodeType;
  bound: BoundNode;
}

/** A flow as far as it could be read: the parts that parsed, and what did not. */
export interface FlowModel {
  doc: Omit<FlowDocument, 'nodes' | 'edges'>;
  /** Nodes that parsed, with a known type and valid data, by id (the first of duplicates). */
  nodes: Map<string, ModelNode>;
  /** Every parsed node in document order, duplicates included. */
  nodeList: ModelNode[];
  /** Nodes that exist but could not be bound (bad data, unknown type): id → type as written, index. */
  broken: Map<string, { type: string | undefined; index: number }>;
  /** `named`: the edge has its own id (otherwise one was made from its ends). */
  edges: { index: number; edge: FlowEdge; named: boolean }[];
  /** Every node id as written, in order, for duplicate detection. */
  ids: { id: string; index: number }[];
  diagnostics: Diagnostic[];
}

const Shell = FlowDocumentV1.omit({ nodes: true, edges: true });

/**
 * Reads a raw flow document as far as it goes: the shell, then each node and edge on its own,
 * so one broken node does not hide every other problem. Never throws.
 */
export function analyzeFlow(raw: unknown): { model?: FlowModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const upgraded = upgradeFlow(raw);
  if (!upgraded.ok) {
    return { diagnostics: [diagnostic('schema', { detail: upgraded.message }, { path: 'format' })] };
  }
  const doc = upgraded.doc;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { diagnostics: [diagnostic('schema', { detail: 'a flow is a JSON object' }, { path: '' })] };
  }
  const record: Record<string, unknown> = { ...doc };
  if (record.format === undefined) {
    diagnostics.push(diagnostic('schema', { detail: `"format" is missing; use "${FLOW_FORMAT}"` }, { path: 'format' }));
  }
  const shell = Shell.safeParse(record);
  if (!shell.success) {
    // A missing format is reported above with the format to use; zod's issue would repeat it.
    const issues = shell.error.issues.filter((issue) => record.format !== undefined || issue.path[0] !== 'format');
    diagnostics.push(...issuesToDiagnostics(issues, [], record));
  }
  if (!Array.isArray(record.nodes)) {
    diagnostics.push(diagnostic('schema', { detail: '"nodes" must be a list of nodes' }, { path: 'nodes' }));
  }
  if (record.edges !== undefined && !Array.isArray(record.edges)) {
    diagnostics.push(diagnostic('schema', { detail: '"edges" must be a list of edges' }, { path: 'edges' }));
  }
  if (!shell.success || !Array.isArray(record.nodes)) return { diagnostics };

  const model: FlowModel = {
    doc: shell.data,
    nodes: new Map(),
    nodeList: [],
    broken: new Map(),
    edges: [],
    ids: [],
    diagnostics,
  };
  record.nodes.forEach((raw, index) => readNode(raw, index, model));
  const edges: unknown[] = Array.isArray(record.edges) ? record.edges : [];
  edges.forEach((raw, index) => {
    const parsed = FlowEdge.safeParse(raw);
    if (parsed.success) model.edges.push({ index, edge: parsed.data, named: idOf(raw) !== undefined });
    else diagnostics.push(...issuesToDiagnostics(parsed.error.issues, ['edges', index], raw));
  });
  return { model, diagnostics };
}

function readNode(raw: unknown, index: number, model: FlowModel): void {
  const rawId = idOf(raw);
  if (rawId !== undefined) model.ids.push({ id: rawId, index });
  const parsed = FlowNode.safeParse(raw);
  if (!parsed.success) {
    model.diagnostics.push(...issuesToDiagnostics(parsed.error.issues, ['nodes', index], raw, idOf(raw)));
    const id = idOf(raw);
    if (id) model.broken.set(id, { type: typeOf(raw), index });
    return;
  }
  const node = parsed.data;
  const type = nodeType(node.type);
  if (!type) {
    const known = NODE_TYPES.map((t) => t.type).join(', ');
    model.diagnostics.push(
      diagnostic('schema', { detail: `unknown node type "${node.type}" (known: ${known})` }, { nodeId: node.id, path: formatPath(['nodes', index, 'type']) }),
    );
    model.broken.set(node.id, { type: node.type, index });
    return;
  }
  const bound = type.bind(node.data);
  if (!bound.ok) {
    model.diagnostics.push(...issuesToDiagnostics(bound.issues, ['nodes', index, 'data'], node.data, node.id));
    model.broken.set(node.id, { type: node.type, index });
    return;
  }
  const entry: ModelNode = { index, node, type, bound: bound.node };
  model.nodeList.push(entry);
  if (!model.nodes.has(node.id)) model.nodes.set(node.id, entry);
}

function idOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  return typeof raw.id === 'string' ? raw.id : undefined;
}

function typeOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return undefined;
  return typeof raw.type === 'string' ? raw.type : undefined;
}

/** zod issues as `schema` diagnostics whose path points at the field; `input` is what was parsed. */
export function issuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[],
  input: unknown,
  nodeId?: string,
): Diagnostic[] {
  return issues.map((issue) => {
    const keys = [...prefix, ...issue.path.filter((key): key is string | number => typeof key !== 'symbol')];
    const path = formatPath(keys);
    return diagnostic('schema', { detail: `${path || 'document'}: ${describeIssue(issue, input)}` }, {
      ...(nodeId !== undefined ? { nodeId } : {}),
      path,
    });
  });
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  // zod leaves `issue.input` out unless asked, so "missing" is read from the parsed value.
  const missing = valueAt(input, issue.path) === undefined;
  if (issue.code === 'invalid_type' && missing) return `required (${issue.expected})`;
  if (issue.code === 'invalid_union') return missing ? 'required' : 'not a valid value here (see the format for the shapes it can take)';
  return issue.message;
}

/** The value at a path of own properties, `undefined` when any step is missing. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}
