import type { FlowDocumentInput } from '../schema/flow';
import { createSimulation, type Simulation, type SimulationOptions, type SimulationState } from '../simulate/simulation';
import { nodeType } from './catalog';
import type { BoundNode } from './define';

/**
 * Helpers for the node tests beside this file (not part of the flow language): small flows
 * built around the node under test, run in the simulator on a fixed clock.
 */

/** Monday 2 March 2026, 10:00 in Bangkok: the clock every node test starts on. */
export const NOW = '2026-03-02T10:00:00+07:00';

export interface Sketch {
  id: string;
  type: string;
  data?: Record<string, unknown>;
  /**
   * Where the node's handles lead: a string is the `next` handle; a map is handle → target.
   * A target `end:<outcome>` is an `end` node with that outcome, made on the fly.
   */
  to?: string | Record<string, string>;
}

export interface FlowOptions {
  id?: string;
  locale?: string;
  variables?: FlowDocumentInput['variables'];
  /** The start node's channels (all when omitted). */
  channels?: ('webchat' | 'voice' | 'sms' | 'line' | 'email' | 'api')[];
}

/**
 * A flow of `start` → the first sketch, then the sketches wired by their `to`.
 *
 * @example buildFlow([{ id: 'hi', type: 'message', data: { text: 'Hi' }, to: 'end:resolved' }])
 */
export function buildFlow(sketches: readonly Sketch[], options: FlowOptions = {}): FlowDocumentInput {
  const first = sketches[0];
  if (!first) throw new Error('a flow needs at least one node after start');
  const nodes: FlowDocumentInput['nodes'] = [
    { id: 'start', type: 'start', data: options.channels ? { channels: options.channels } : {} },
  ];
  const edges: NonNullable<FlowDocumentInput['edges']> = [{ source: 'start', target: first.id }];
  const ends = new Map<string, string>();
  const targetOf = (target: string): string => {
    if (!target.startsWith('end:')) return target;
    const outcome = target.slice(4);
    const id = `end-${outcome.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
    ends.set(id, outcome);
    return id;
  };
  for (const sketch of sketches) {
    nodes.push({ id: sketch.id, type: sketch.type, data: sketch.data ?? {} });
    const to = typeof sketch.to === 'string' ? { next: sketch.to } : (sketch.to ?? {});
    for (const [handle, target] of Object.entries(to)) {
      edges.push({ source: sketch.id, sourceHandle: handle, target: targetOf(target) });
    }
  }
  for (const [id, outcome] of ends) nodes.push({ id, type: 'end', data: { outcome } });
  return {
    format: 'switchboard/flow@1',
    id: options.id ?? 'test-flow',
    name: 'Test flow',
    locale: options.locale ?? 'en-US',
    variables: options.variables ?? {},
    nodes,
    edges,
  };
}

/**
 * A flow around one node (its id is its type): every active handle leads to an `end` whose
 * outcome is the handle's id, so `state.outcome` tells which handle fired. Handles listed in
 * `unconnected` are left without an edge.
 *
 * @example nodeFlow('menu', { prompt: 'Press 1', options: [{ id: 'one', label: 'One', keys: ['1'] }] })
 */
export function nodeFlow(
  type: string,
  data: Record<string, unknown>,
  options: FlowOptions & { unconnected?: string[] } = {},
): FlowDocumentInput {
  const handles = bindNode(type, data)
    .handles()
    .filter((handle) => handle.active && !options.unconnected?.includes(handle.id));
  const to = Object.fromEntries(handles.map((handle) => [handle.id, `end:${handle.id}`]));
  return buildFlow([{ id: type, type, data, to }], options);
}

/** The node type's `bind`, throwing on props that do not parse. */
export function bindNode(type: string, data: unknown): BoundNode {
  const found = nodeType(type);
  if (!found) throw new Error(`no node type "${type}"`);
  const bound = found.bind(data);
  if (!bound.ok) throw new Error(`${type} props do not parse: ${JSON.stringify(bound.issues)}`);
  return bound.node;
}

/** The node's props as its schema reads them, defaults filled in. */
export function propsOf(type: string, data: unknown): unknown {
  const found = nodeType(type);
  if (!found) throw new Error(`no node type "${type}"`);
  return found.props.parse(data);
}

/** Starts a simulation of the flow on the fixed clock. */
export function simulate(flow: unknown, options: SimulationOptions = {}): Simulation {
  return createSimulation(flow, { now: NOW, ...options });
}

/** The texts sent during the last action, in order. */
export function texts(state: SimulationState): string[] {
  return state.sent.map((message) => message.text);
}
