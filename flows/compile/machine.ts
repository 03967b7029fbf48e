import { setup, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { NODE_TYPES } from '../nodes/catalog';
import { createContext, type FlowContext, type JourneyInput } from '../engine/context';
import { simulatedServices, type Effect, type EffectServices } from '../engine/effects';
import type { FlowEvent } from '../engine/events';
import type { CompiledFlow } from './compile';
import type { ActionArgs, ActionImplementation, ActionOutput, GuardImplementation } from './implementation';
import { vocabulary } from './vocabulary';

/**
 * Where the actions of one step write their effects. The step engine registers one for the
 * actor scope it transitions with; actions find it through `self`.
 */
export interface EffectCollector {
  effects: Effect[];
  /** Actions run during the step; a targetless transition changes nothing XState can see. */
  actions: number;
  /** Reused by every action of the step (one object, not three closures per action). */
  output: ActionOutput & { context: FlowContext };
}

const collectors = new WeakMap<AnyActorRef, EffectCollector>();

/** Routes the effects of actions run with this `self` into the collector. */
export function collectEffects(self: AnyActorRef, collector: EffectCollector): void {
  collectors.set(self, collector);
}

const cache = new WeakMap<EffectServices, WeakMap<CompiledFlow, AnyStateMachine>>();

/**
 * Builds the XState machine of a compiled flow: the JSON config plus the implementations of
 * every named action and guard (the shared vocabulary and each node type's own).
 *
 * Actions do not perform effects: they describe them (messages, timers, HTTP calls…) for the
 * host, and patch the journey's context. They run inline while XState resolves a transition,
 * as XState's own actors run custom actions, on a context the step engine copies once per
 * step. That replaces XState `assign`, which clones the whole snapshot on every call and made
 * a step allocate tens of kilobytes. Run machines through `startJourney` / `applyEvent`.
 *
 * @example
 * const machine = createFlowMachine(compiled);
 * const { snapshot, effects } = startJourney(machine, { conversationId: 'c1', channel: 'voice', now });
 */
export function createFlowMachine(compiled: CompiledFlow, services: EffectServices = simulatedServices): AnyStateMachine {
  let byFlow = cache.get(services);
  if (!byFlow) {
    byFlow = new WeakMap();
    cache.set(services, byFlow);
  }
  const existing = byFlow.get(compiled);
  if (existing) return existing;
  const machine = buildMachine(compiled, services);
  byFlow.set(compiled, machine);
  return machine;
}

function buildMachine(compiled: CompiledFlow, services: EffectServices): AnyStateMachine {
  const shared = vocabulary(services, Object.assign({}, ...NODE_TYPES.map((nodeType) => nodeType.interpreters)));
  const actionImpls: Record<string, ActionImplementation> = { ...shared.actions };
  const guardImpls: Record<string, GuardImplementation> = { ...shared.guards };
  for (const nodeType of NODE_TYPES) {
    Object.assign(actionImpls, nodeType.actions);
    Object.assign(guardImpls, nodeType.guards);
  }
  const flowSetup = setup({
    types: {
      context: {} as FlowContext,
      events: {} as FlowEvent,
      input: {} as JourneyInput,
    },
    actions: mapValues(actionImpls, toXStateAction),
    guards: mapValues(guardImpls, (guard) => ({ context, event }: ActionArgs, params: unknown) => guard({ context, event }, params)),
  });
  const flow = { id: compiled.id, locale: compiled.locale, defaults: compiled.defaults };
  // The config is generated JSON whose action and guard names are checked against these
  // implementations by the catalog tests; XState's static config types cannot express that.
  const config = compiled.config as Parameters<typeof flowSetup.createMachine>[0];
  return flowSetup.createMachine({ ...config, context: ({ input }) => createContext(input, flow) });
}

function toXStateAction(impl: ActionImplementation) {
  return ({ context, event, self }: ActionArgs & { self: AnyActorRef }, params: unknown) => {
    const collector = collectors.get(self);
    if (!collector) throw new Error('flow machines run through startJourney/applyEvent, which collect their effects');
    collector.actions++;
    collector.output.context = context;
    impl({ context, event }, params, collector.output);
  };
}

/** An effect collector with the one action output its actions write through. */
export function createCollector(): EffectCollector {
  const collector: EffectCollector = { effects: [], actions: 0, output: new StepOutput((effect) => collector.effects.push(effect)) };
  return collector;
}

/** What actions write through during a step; `context` is set before each action runs. */
class StepOutput implements ActionOutput {
  context: FlowContext = createContext({ conversationId: 'none', channel: 'api', now: new Date(0).toISOString() }, { id: '', locale: 'en', defaults: {} });

  constructor(private readonly push: (effect: Effect) => void) {}

  assign(patch: Partial<FlowContext>): void {
    // The step engine gave this step its own context object: patch it in place, top-level keys
    // only (nested objects are replaced, never changed, so earlier snapshots stay intact).
    Object.assign(this.context, patch);
  }

  effect(effect: Effect): void {
    this.push(effect);
  }
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
