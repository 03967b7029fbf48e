import type { Effect } from '../engine/effects';
import type { FlowContext, Verdict } from '../engine/context';
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

/** A customer's answer as interpreters see it: trimmed text, keypad (or typed) digits, a button payload. */
export interface Reply {
  text?: string;
  digits?: string;
  payload?: string;
}

/** Turns a reply into a verdict (which option, which value); pure, so it can be memoized. */
export type Interpreter = (reply: Reply, params: unknown) => Verdict;

/** Declares an interpreter with typed params (see `defineAction`). */
export function defineInterpreter<P>(fn: (reply: Reply, params: P) => Verdict): Interpreter {
  return (reply, params) => fn(reply, params as P);
}

/**
 * The reply carried by a customer event. Typed digits count as keypad digits ("Reply 1 to
 * confirm" on SMS), so menus and `digits` collects accept them.
 */
export function replyOf(event: FlowEvent): Reply {
  if (event.type !== 'CUSTOMER') return {};
  const text = event.text?.trim();
  const digits = event.digits ?? (text !== undefined && /^[0-9*#]+$/.test(text) ? text : undefined);
  return {
    ...(text !== undefined ? { text } : {}),
    ...(digits !== undefined ? { digits } : {}),
    ...(event.payload !== undefined ? { payload: event.payload } : {}),
  };
}
