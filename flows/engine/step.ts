import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { collectEffects, createCollector, type EffectCollector } from '../compile/machine';
import type { FlowContext, JourneyInput } from './context';
import type { Effect } from './effects';
import type { FlowEvent } from './events';

export interface StepResult {
  snapshot: AnyMachineSnapshot;
  effects: Effect[];
  /** False when no transition took the event (e.g. a reply while waiting for a duration). */
  changed: boolean;
}

/** The part of a snapshot that is stored and restored: plain JSON. */
export interface PersistedJourney {
  value: StateValue;
  context: FlowContext;
  status: 'active' | 'done';
}

interface Scope {
  scope: AnyActorScope;
  collector: EffectCollector;
}

const scopes = new WeakMap<AnyStateMachine, Scope>();

/**
 * An actor scope made once per machine, whose action executor runs the flow's actions inline
 * (as XState's own actors do) and whose effects land in one collector. `xstate`'s `transition()`
 * builds a throwaway actor per call, which costs more than the transition itself.
 */
function scopeFor(machine: AnyStateMachine): Scope {
  let found = scopes.get(machine);
  if (!found) {
    const self = createActor(machine, { input: { conversationId: 'scope', channel: 'api', now: new Date(0).toISOString() } });
    const collector = createCollector();
    collectEffects(self, collector);
    const scope: AnyActorScope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: (action) => action.exec?.(action.info, action.params),
    };
    found = { scope, collector };
    scopes.set(machine, found);
  }
  found.collector.effects = [];
  found.collector.actions = 0;
  return found;
}

/**
 * Starts a journey: enters the start node and runs until the first node that waits.
 * Pure: returns the snapshot and the effects for the host to carry out.
 */
export function startJourney(machine: AnyStateMachine, input: JourneyInput): StepResult {
  const { scope, collector } = scopeFor(machine);
  const snapshot = machine.getInitialSnapshot(scope, input);
  return { snapshot, effects: collector.effects, changed: true };
}

/**
 * Applies one event to a journey. Pure: the given snapshot is not changed, and the same
 * snapshot and event give the same result.
 */
export function applyEvent(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: FlowEvent): StepResult {
  if (snapshot.status !== 'active') return { snapshot, effects: [], changed: false };
  const { scope, collector } = scopeFor(machine);
  // Actions patch the context in place, so this step works on its own copy of it.
  const working: AnyMachineSnapshot = { ...snapshot, context: { ...snapshot.context } };
  const next = machine.transition(working, event, scope);
  const changed = next !== working || collector.actions > 0;
  return { snapshot: changed ? next : snapshot, effects: collector.effects, changed };
}

export function persistJourney(snapshot: AnyMachineSnapshot): PersistedJourney {
  return {
    value: snapshot.value,
    context: snapshot.context,
    status: snapshot.status === 'done' ? 'done' : 'active',
  };
}

export function restoreJourney(machine: AnyStateMachine, persisted: PersistedJourney): AnyMachineSnapshot {
  return machine.resolveState({ value: persisted.value, context: structuredClone(persisted.context) });
}
