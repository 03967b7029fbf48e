import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import { EFFECT_ACTION } from '../compile/machine';
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
  collected: { type: string; params?: unknown }[];
}

const scopes = new WeakMap<AnyStateMachine, Scope>();

/**
 * An actor scope that records actions instead of running them, made once per machine.
 * `xstate`'s own `transition()` builds a throwaway actor per call, which costs more than the
 * transition itself; this is the same pure step without that cost.
 */
function scopeFor(machine: AnyStateMachine): Scope {
  let found = scopes.get(machine);
  if (!found) {
    const self = createActor(machine, { input: { conversationId: 'scope', channel: 'api', now: new Date(0).toISOString() } });
    const collected: Scope['collected'] = [];
    const scope: AnyActorScope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      system: self.system,
      actionExecutor: (action) => {
        collected.push({ type: action.type, params: action.params });
      },
    };
    found = { scope, collected };
    scopes.set(machine, found);
  }
  found.collected.length = 0;
  return found;
}

/**
 * Starts a journey: enters the start node and runs until the first node that waits.
 * Pure: returns the snapshot and the effects for the host to carry out.
 */
export function startJourney(machine: AnyStateMachine, input: JourneyInput): StepResult {
  const { scope, collected } = scopeFor(machine);
  const snapshot = machine.getInitialSnapshot(scope, input);
  return { snapshot, effects: effectsOf(collected), changed: true };
}

/** Applies one event to a journey. Pure: same snapshot and event, same result. */
export function applyEvent(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: FlowEvent): StepResult {
  if (snapshot.status !== 'active') return { snapshot, effects: [], changed: false };
  const { scope, collected } = scopeFor(machine);
  const next = machine.transition(snapshot, event, scope);
  return { snapshot: next, effects: effectsOf(collected), changed: next !== snapshot };
}

export function persistJourney(snapshot: AnyMachineSnapshot): PersistedJourney {
  return {
    value: snapshot.value,
    context: snapshot.context,
    status: snapshot.status === 'done' ? 'done' : 'active',
  };
}

export function restoreJourney(machine: AnyStateMachine, persisted: PersistedJourney): AnyMachineSnapshot {
  const snapshot = machine.resolveState({ value: persisted.value, context: persisted.context });
  return snapshot;
}

function effectsOf(collected: Scope['collected']): Effect[] {
  const effects: Effect[] = [];
  for (const action of collected) {
    if (action.type === EFFECT_ACTION && isEffect(action.params)) effects.push(action.params);
  }
  collected.length = 0;
  return effects;
}

function isEffect(value: unknown): value is Effect {
  return typeof value === 'object' && value !== null && 'type' in value;
}
