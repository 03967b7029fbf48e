import { analyzeFlow, type FlowModel } from '../validate/analyze';
import { checkModel, type Outgoing } from '../validate/validate';
import type { Diagnostic } from '../validate/diagnostics';
import { libraryModel, type FlowLibrary } from '../validate/library';
import type { ChildStates, CompileContext } from '../nodes/define';
import { act, stateId, type MachineConfig, type StateConfig, type TransitionConfig } from './config';

export const MACHINE_ID = 'switchboard';
export const UNHANDLED = '@unhandled';
export const ABANDONED = '@abandoned';
/** The outcome with which a child flow's `end` leaves the calling subflow node by `error`. */
export const SUBFLOW_FAILED = 'error';

/** Nodes and active handles of one flow, for coverage. */
export interface FlowInventory {
  name: string;
  nodes: string[];
  /** `node:handle` pairs. */
  handles: string[];
}

/** A flow ready to run: the XState config as plain JSON, plus what hosts need around it. */
export interface CompiledFlow {
  id: string;
  name: string;
  locale: string;
  /** Declared variable defaults of the top-level flow. */
  defaults: Record<string, unknown>;
  config: MachineConfig;
  /** Every flow in the machine (the top-level one and inlined subflows), by id. */
  inventory: Record<string, FlowInventory>;
}

export type CompileResult =
  | { ok: true; flow: CompiledFlow; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export interface CompileOptions {
  /** Flows that subflow nodes call, by id. */
  flows?: FlowLibrary;
}

interface Exits {
  done: TransitionConfig;
  error: TransitionConfig;
}

/**
 * Compiles a flow into an XState v5 machine config (plain JSON: named actions and guards with
 * params). Refuses a flow with errors and returns the diagnostics instead.
 *
 * @example
 * const result = compileFlow(doc);
 * if (result.ok) createFlowMachine(result.flow);
 */
export function compileFlow(raw: unknown, options: CompileOptions = {}): CompileResult {
  const analyzed = analyzeFlow(raw);
  if (!analyzed.model) return { ok: false, diagnostics: analyzed.diagnostics };
  const model = analyzed.model;
  const checked = checkModel(model, options);
  const diagnostics = [...analyzed.diagnostics, ...checked.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const inventory: Record<string, FlowInventory> = {};
  const compiler = new FlowCompiler(options.flows, inventory);
  const { initial, states } = compiler.compile(model, checked.outgoing, { prefix: '', frame: '', stack: [model.doc.id] });
  const config: MachineConfig = {
    id: MACHINE_ID,
    initial,
    on: { HANGUP: { target: `#${stateId(ABANDONED)}`, actions: [act('observe')] } },
    states: {
      ...states,
      [UNHANDLED]: { id: stateId(UNHANDLED), type: 'final', entry: [act('finish', { outcome: 'unhandled' })] },
      [ABANDONED]: { id: stateId(ABANDONED), type: 'final', entry: [act('finish', { outcome: 'abandoned' })] },
    },
  };
  return {
    ok: true,
    diagnostics,
    flow: {
      id: model.doc.id,
      name: model.doc.name,
      locale: model.doc.locale,
      defaults: variableDefaults(model),
      config,
      inventory,
    },
  };
}

interface Scope {
  /** Qualified id of the subflow node this flow runs in ('' at the top level). */
  prefix: string;
  frame: string;
  /** Flow ids on the way here, to refuse recursion even if validation was skipped. */
  stack: string[];
  exits?: Exits;
}

class FlowCompiler {
  constructor(
    private readonly library: FlowLibrary | undefined,
    private readonly inventory: Record<string, FlowInventory>,
  ) {}

  compile(model: FlowModel, outgoing: Outgoing, scope: Scope): { initial: string; states: Record<string, StateConfig> } {
    this.record(model);
    const qualify = (id: string) => (scope.prefix === '' ? id : `${scope.prefix}/${id}`);
    const states: Record<string, StateConfig> = {};
    let initial = '';
    for (const [id, entry] of model.nodes) {
      if (entry.node.type === 'start' && initial === '') initial = id;
      const qid = qualify(id);
      const trace = { node: qid, nodeId: id, flow: model.doc.id };
      const go = (handle: string, actions: TransitionConfig['actions'] = []): TransitionConfig => {
        const leave = act('leave', { ...trace, handle });
        const target = outgoing.get(id)?.get(handle);
        if (target !== undefined) return { target: `#${stateId(qualify(target))}`, actions: [leave, ...actions] };
        if (scope.exits) return { ...scope.exits.error, actions: [leave, ...actions, ...(scope.exits.error.actions ?? [])] };
        return { target: `#${stateId(UNHANDLED)}`, actions: [leave, ...actions] };
      };
      const ctx: CompileContext = {
        id: qid,
        nodeId: id,
        flowId: model.doc.id,
        locale: model.doc.locale,
        frame: scope.frame,
        variableType: (name) => model.doc.variables[name]?.type ?? 'any',
        go,
        finish: (outcome) => {
          if (!scope.exits) return { type: 'final', entry: [act('finish', { outcome })] };
          // Inside a subflow, ending with outcome "error" is how a child says it failed.
          return { always: outcome === SUBFLOW_FAILED ? scope.exits.error : scope.exits.done };
        },
        child: (flowId, exits) => this.child(flowId, exits, { prefix: qid, frame: qid, stack: scope.stack }),
      };
      const compiled = entry.bound.compile(ctx);
      states[id] = { ...compiled, id: stateId(qid), entry: [act('enter', trace), ...(compiled.entry ?? [])] };
    }
    return { initial, states };
  }

  private child(flowId: string, exits: Exits, scope: Omit<Scope, 'exits'>): ChildStates | undefined {
    if (scope.stack.includes(flowId)) return undefined;
    const model = libraryModel(this.library, flowId);
    if (!model) return undefined;
    const checked = checkModel(model, { flows: this.library });
    if (checked.diagnostics.some((d) => d.severity === 'error')) return undefined;
    const { initial, states } = this.compile(model, checked.outgoing, { ...scope, stack: [...scope.stack, flowId], exits });
    return { flowId, locale: model.doc.locale, initial, states, defaults: variableDefaults(model) };
  }

  private record(model: FlowModel): void {
    if (this.inventory[model.doc.id]) return;
    const nodes = [...model.nodes.keys()];
    const handles = [...model.nodes.values()].flatMap((entry) =>
      entry.bound
        .handles()
        .filter((handle) => handle.active)
        .map((handle) => `${entry.node.id}:${handle.id}`),
    );
    this.inventory[model.doc.id] = { name: model.doc.name, nodes, handles };
  }
}

function variableDefaults(model: FlowModel): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(model.doc.variables)) {
    if (declaration.default !== undefined) defaults[name] = declaration.default;
  }
  return defaults;
}

/** Diagnostics that are errors. */
export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}
