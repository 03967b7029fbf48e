import { z } from 'zod';
import type { CheckContext } from '../nodes/define';
import { Rule, Text, variableKey } from '../schema/common';
import type { Widget } from '../schema/meta';
import { parseDuration } from '../lang/duration';
import { expressionError, expressionReads } from '../lang/expression';
import { isValidTimeZone } from '../lang/hours';
import { splitPath } from '../lang/path';
import { regexError } from '../lang/rules';
import { templateError, templateReads } from '../lang/template';
import { textLeaves } from '../lang/text';
import { analyzeFlow, type FlowModel, type ModelNode } from './analyze';
import { diagnostic, formatPath, type Diagnostic } from './diagnostics';
import { forEachString, walkFields } from './fields';
import { cyclicComponents, reachableFrom } from './graph';
import { calledFlows, libraryModel, nodeWaits, subflowCycle, type FlowLibrary } from './library';

export interface ValidateOptions {
  /** Flows that subflow nodes may call, by id (used for `unknown-flow` and `recursive-subflow`). */
  flows?: FlowLibrary;
}

/** Outgoing edges: node id → handle → target node id. */
export type Outgoing = Map<string, Map<string, string>>;

/**
 * Checks a flow document and returns every problem found. Never throws: anything wrong with
 * the input is a diagnostic.
 *
 * @example
 * const problems = validateFlow(JSON.parse(text));
 * const ok = problems.every((d) => d.severity !== 'error');
 */
export function validateFlow(raw: unknown, options: ValidateOptions = {}): Diagnostic[] {
  try {
    const { model, diagnostics } = analyzeFlow(raw);
    if (!model) return diagnostics;
    return [...diagnostics, ...checkModel(model, options).diagnostics];
  } catch (error) {
    // The validator must never throw; a bug here still comes back as a diagnostic.
    return [diagnostic('schema', { detail: `the validator failed: ${String(error)}` }, { path: '' })];
  }
}

/** Checks beyond the schema, on a model that has been read; also returns the edge map. */
export function checkModel(model: FlowModel, options: ValidateOptions = {}): { diagnostics: Diagnostic[]; outgoing: Outgoing } {
  const out: Diagnostic[] = [];
  checkDuplicates(model, out);
  const start = checkStart(model, out);
  const outgoing = checkEdges(model, out);
  if (start) checkReachability(model, start, outgoing, out);
  checkLoops(model, outgoing, options.flows, out);
  checkFields(model, out);
  checkSubflows(model, options.flows, out);
  return { diagnostics: out, outgoing };
}

function at(entry: { index: number }, ...keys: (string | number)[]): string {
  return formatPath(['nodes', entry.index, ...keys]);
}

function checkDuplicates(model: FlowModel, out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const { id, index } of model.ids) {
    if (seen.has(id)) out.push(diagnostic('duplicate-id', { id }, { nodeId: id, path: formatPath(['nodes', index, 'id']) }));
    seen.add(id);
  }
  const edgeIds = new Set<string>();
  // An edge without an id gets one made from its ends; two such edges are a duplicate edge, not a duplicate id.
  for (const { edge, index } of model.edges.filter((entry) => entry.named)) {
    if (edgeIds.has(edge.id)) out.push(diagnostic('duplicate-id', { id: edge.id }, { edgeId: edge.id, path: formatPath(['edges', index, 'id']) }));
    edgeIds.add(edge.id);
  }
}

/** The id of the one start node, reporting none or several (a start with broken data counts). */
function checkStart(model: FlowModel, out: Diagnostic[]): string | undefined {
  const parsed = model.nodeList.filter((entry) => entry.node.type === 'start');
  const broken = [...model.broken].filter(([, node]) => node.type === 'start');
  const starts = [
    ...parsed.map((entry) => ({ id: entry.node.id, index: entry.index })),
    ...broken.map(([id, node]) => ({ id, index: node.index })),
  ].sort((a, b) => a.index - b.index);
  if (starts.length === 0) out.push(diagnostic('missing-start', {}, { path: 'nodes' }));
  if (starts.length > 1) {
    for (const start of starts) {
      out.push(diagnostic('multiple-start', { count: starts.length }, { nodeId: start.id, path: at(start) }));
    }
  }
  return parsed[0]?.node.id;
}

function checkEdges(model: FlowModel, out: Diagnostic[]): Outgoing {
  const outgoing: Outgoing = new Map();
  const exists = (id: string) => model.nodes.has(id) || model.broken.has(id);
  for (const { edge, index } of model.edges) {
    // The edge belongs to its source node, when there is one to show it on.
    const where = { edgeId: edge.id, ...(exists(edge.source) ? { nodeId: edge.source } : {}) };
    for (const [end, key] of [[edge.source, 'source'], [edge.target, 'target']] as const) {
      if (!exists(end)) out.push(diagnostic('unknown-node', { edge: edge.id, node: end }, { ...where, path: formatPath(['edges', index, key]) }));
    }
    if (!exists(edge.source) || !exists(edge.target)) continue;
    const source = model.nodes.get(edge.source);
    if (source) {
      const handles = [...new Set(source.bound.handles().map((handle) => handle.id))];
      if (!handles.includes(edge.sourceHandle)) {
        out.push(
          diagnostic(
            'unknown-handle',
            { node: edge.source, handle: edge.sourceHandle, handles: handles.join(', ') || 'none' },
            { ...where, path: formatPath(['edges', index, 'sourceHandle']) },
          ),
        );
        continue;
      }
    }
    const handles = outgoing.get(edge.source) ?? new Map<string, string>();
    if (handles.has(edge.sourceHandle)) {
      out.push(diagnostic('duplicate-edge', { node: edge.source, handle: edge.sourceHandle }, { ...where, path: formatPath(['edges', index]) }));
      continue;
    }
    handles.set(edge.sourceHandle, edge.target);
    outgoing.set(edge.source, handles);
  }
  return outgoing;
}

function checkReachability(model: FlowModel, start: string, outgoing: Outgoing, out: Diagnostic[]): void {
  const reached = reachableFrom(start, (id) => outgoing.get(id)?.values() ?? []);
  for (const entry of model.nodeList) {
    if (model.nodes.get(entry.node.id) !== entry) continue;
    if (!reached.has(entry.node.id)) {
      out.push(diagnostic('unreachable-node', { node: entry.node.id }, { nodeId: entry.node.id, path: at(entry) }));
      continue;
    }
    const connected = outgoing.get(entry.node.id);
    // An id that repeats (reported as duplicate-id) is still one handle: warn about it once.
    const warned = new Set<string>();
    for (const handle of entry.bound.handles()) {
      if (handle.active && !connected?.has(handle.id) && !warned.has(handle.id)) {
        warned.add(handle.id);
        out.push(diagnostic('unconnected-handle', { node: entry.node.id, handle: handle.id }, { nodeId: entry.node.id, path: at(entry) }));
      }
    }
  }
  for (const [id, node] of model.broken) {
    if (!reached.has(id)) out.push(diagnostic('unreachable-node', { node: id }, { nodeId: id, path: at(node) }));
  }
}

function checkLoops(model: FlowModel, outgoing: Outgoing, library: FlowLibrary | undefined, out: Diagnostic[]): void {
  const passing = new Set<string>();
  for (const [id, entry] of model.nodes) if (!nodeWaits(entry.bound, library)) passing.add(id);
  const successors = (id: string) => [...(outgoing.get(id)?.values() ?? [])].filter((next) => passing.has(next));
  for (const component of cyclicComponents([...passing], successors)) {
    const first = model.nodes.get(component[0]!)!;
    const shown = component.slice(0, 6).map((id) => `"${id}"`).join(', ') + (component.length > 6 ? ', …' : '');
    out.push(diagnostic('infinite-loop', { nodes: shown }, { nodeId: first.node.id, path: at(first) }));
  }
}

function checkFields(model: FlowModel, out: Diagnostic[]): void {
  const known = new Set(Object.keys(model.doc.variables));
  const reads: { variable: string; entry: ModelNode; keys: (string | number)[] }[] = [];
  for (const entry of model.nodes.values()) {
    const report = (code: Diagnostic['code'], params: Record<string, string | number>, keys: readonly (string | number)[]) =>
      out.push(diagnostic(code, params, { nodeId: entry.node.id, path: at(entry, 'data', ...keys) }));
    const ctx: CheckContext = { nodeId: entry.node.id, report };
    walkFields(entry.type.props, entry.node.data, (widget, value, keys) => {
      checkField(widget, value, keys, report, {
        read: (variable, readKeys) => reads.push({ variable, entry, keys: readKeys }),
        write: (variable) => known.add(variable),
      });
    });
    for (const variable of entry.bound.writes()) known.add(variable);
    entry.bound.check(ctx);
  }
  const reported = new Set<string>();
  for (const read of reads) {
    const key = `${read.entry.node.id}:${read.variable}`;
    if (known.has(read.variable) || reported.has(key)) continue;
    reported.add(key);
    out.push(
      diagnostic('undeclared-variable', { variable: read.variable }, { nodeId: read.entry.node.id, path: at(read.entry, 'data', ...read.keys) }),
    );
  }
}

type Report = (code: Diagnostic['code'], params: Record<string, string | number>, keys: readonly (string | number)[]) => void;

interface VariableUse {
  read(variable: string, keys: (string | number)[]): void;
  write(variable: string): void;
}

/** The generic check of one field, by its widget. */
function checkField(widget: Widget, value: unknown, keys: (string | number)[], report: Report, use: VariableUse): void {
  const readPaths = (paths: string[][], where: (string | number)[]) => {
    for (const path of paths) if (path[0] === 'vars' && path[1] !== undefined) use.read(path[1], where);
  };
  switch (widget) {
    case 'liquid':
      for (const leaf of textLeaves(Text.safeParse(value).data)) {
        const where = [...keys, ...leaf.key];
        const error = templateError(leaf.template);
        if (error) report('invalid-template', { detail: error }, where);
        else readPaths(templateReads(leaf.template), where);
      }
      return;
    case 'json':
      forEachString(value, keys, (text, where) => {
        const error = templateError(text);
        if (error) report('invalid-template', { detail: error }, where);
        else readPaths(templateReads(text), where);
      });
      return;
    case 'duration':
      if (typeof value === 'string' && parseDuration(value) === undefined) report('invalid-duration', { value }, keys);
      return;
    case 'regex': {
      const error = typeof value === 'string' ? regexError(value) : undefined;
      if (error) report('invalid-regex', { detail: error }, keys);
      return;
    }
    case 'expression': {
      if (typeof value !== 'string') return;
      const error = expressionError(value);
      if (error) report('invalid-expression', { detail: error }, keys);
      else readPaths(expressionReads(value), keys);
      return;
    }
    case 'timezone':
      if (typeof value === 'string' && !isValidTimeZone(value)) report('invalid-timezone', { value }, keys);
      return;
    case 'path':
      if (typeof value === 'string') readPaths([splitPath(value)], keys);
      return;
    case 'rules':
      checkRulePatterns(value, keys, report);
      return;
    case 'variable':
      if (typeof value === 'string') use.write(variableKey(value));
      return;
    default:
      return;
  }
}

const Rules = z.array(Rule);

/** A `matches` rule's value is a pattern; one that does not compile would silently never match. */
function checkRulePatterns(value: unknown, keys: (string | number)[], report: Report): void {
  for (const [index, rule] of (Rules.safeParse(value).data ?? []).entries()) {
    // Read as the rule evaluator reads it: the value as text.
    const error = rule.op === 'matches' ? regexError(String(rule.value ?? '')) : undefined;
    if (error) report('invalid-regex', { detail: error }, [...keys, index, 'value']);
  }
}

function checkSubflows(model: FlowModel, library: FlowLibrary | undefined, out: Diagnostic[]): void {
  for (const call of calledFlows(model)) {
    const where = { nodeId: call.nodeId, path: formatPath(['nodes', call.index, 'data', 'flow']) };
    const cycle =
      call.flow === model.doc.id ? [model.doc.id, call.flow] : subflowCycle(call.flow, library, [model.doc.id]);
    if (cycle) {
      out.push(diagnostic('recursive-subflow', { flow: cycle.at(-1)!, chain: cycle.join(' → ') }, where));
    } else if (!libraryModel(library, call.flow)) {
      out.push(diagnostic('unknown-flow', { flow: call.flow }, where));
    }
  }
}
