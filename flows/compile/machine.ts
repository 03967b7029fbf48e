import { enqueueActions, setup, type AnyStateMachine, type ParameterizedObject, type ProvidedActor } from 'xstate';
import { NODE_TYPES } from '../nodes/catalog';
import { createContext, type FlowContext, type JourneyInput } from '../engine/context';
import { simulatedServices, type Effect, type EffectServices } from '../engine/effects';
import type { FlowEvent } from '../engine/events';
import type { CompiledFlow } from './compile';
import type { ActionImplementation, GuardImplementation } from './implementation';
import { vocabulary } from './vocabulary';

/** The custom action every effect travels in; the host collects these from a step. */
export const EFFECT_ACTION = 'fx';

const cache = new WeakMap<EffectServices, WeakMap<CompiledFlow, AnyStateMachine>>();

/**
 * Builds the XState machine of a compiled flow: the JSON config plus the implementations of
 * every named action and guard (the shared vocabulary and each node type's own). Effects are
 * not performed here: actions emit them as data for the host (simulator or runtime).
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
  const shared = vocabulary(services);
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
    actions: {
      ...mapValues(actionImpls, toXStateAction),
      [EFFECT_ACTION]: (_args: unknown, _effect: Effect) => {},
    },
    guards: mapValues(guardImpls, (guard) => ({ context, event }: { context: FlowContext; event: FlowEvent }, params: unknown) =>
      guard({ context, event }, params),
    ),
  });
  const flow = { id: compiled.id, locale: compiled.locale, defaults: compiled.defaults };
  // The config is generated JSON whose action and guard names are checked against these
  // implementations by the catalog tests; XState's static config types cannot express that.
  const config = compiled.config as Parameters<typeof flowSetup.createMachine>[0];
  return flowSetup.createMachine({ ...config, context: ({ input }) => createContext(input, flow) });
}

function toXStateAction(impl: ActionImplementation) {
  return enqueueActions<FlowContext, FlowEvent, ParameterizedObject['params'], FlowEvent, ProvidedActor, ParameterizedObject>(
    ({ context, event, enqueue }, params) => {
      let current = context;
      impl({ context, event }, params, {
        get context() {
          return current;
        },
        assign(patch) {
          current = { ...current, ...patch };
          enqueue.assign(patch);
        },
        effect(effect) {
          enqueue({ type: EFFECT_ACTION, params: effect });
        },
      });
    },
  );
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
