import type { Effect } from '../engine/effects';
import type { FlowContext } from '../engine/context';
import type { FlowEvent } from '../engine/events';

export interface ActionArgs {
  context: FlowContext;
  event: FlowEvent;
}

/**
 * What an action implementation may do: patch the context (shallow, top-level keys) and ask
 * the host for effects. `context` reflects the patches made so far.
 */
export interface ActionOutput {
  context: FlowContext;
  assign(patch: Partial<FlowContext>): void;
  effect(effect: Effect): void;
}

export type ActionImplementation = (args: ActionArgs, params: unknown, out: ActionOutput) => void;
export type GuardImplementation = (args: ActionArgs, params: unknown) => boolean;

/**
 * Declares an action implementation with typed params. The params come from the compile rule
 * of the same node type, never from outside, so they are trusted here.
 */
export function defineAction<P>(fn: (args: ActionArgs, params: P, out: ActionOutput) => void): ActionImplementation {
  return (args, params, out) => fn(args, params as P, out);
}

/** Declares a guard implementation with typed params (see `defineAction`). */
export function defineGuard<P>(fn: (args: ActionArgs, params: P) => boolean): GuardImplementation {
  return (args, params) => fn(args, params as P);
}
