import type { Text } from '../schema/common';
import { act, when, type ActionRef, type GuardRef, type StateConfig, type TransitionConfig } from '../compile/config';
import type { SayParams } from '../compile/vocabulary';
import type { CheckContext, CompileContext } from './define';

/** `say` params for a text of this node. */
export function sayText(ctx: CompileContext, text: Text, extra: Omit<Partial<SayParams>, 'text'> = {}): ActionRef {
  return act('say', { text, frame: ctx.frame, locale: ctx.locale, ...extra });
}

export interface QuestionSpec {
  /** Sent on entry (the prompt/question). */
  ask: ActionRef[];
  /** Sent before asking again (the reprompt); defaults to `ask`. */
  reask?: ActionRef[];
  /** Sent after a bad answer or a silence, before the reprompt (noMatchText/invalidText). */
  sorry?: ActionRef[];
  /** No-input timeout; omitted means wait for an answer indefinitely. */
  timeout?: string;
  maxRetries: number;
  /** The interpreter (declared by the node type) that reads the answer, and its params. */
  interpret: { interpreter: string; params: unknown };
  /**
   * Tried in order on an answer; guard them with `verdictIs` ({ choice }) or `verdictOk`.
   * Their actions see the verdict in `context.verdict`.
   */
  accept: TransitionConfig[];
  /** Where a bad answer goes when no retry is left. */
  failHandle: string;
  /** Where silence goes when no retry is left. */
  silenceHandle: string;
  /** States before asking (e.g. a survey's delay); `initial` must then name one of them. */
  before?: Record<string, StateConfig>;
  initial?: string;
}

/**
 * The ask → answer → retry structure shared by `menu`, `collect` and `survey`. Every silence
 * or unusable answer sends the sorry text then the reprompt and uses one retry; with none
 * left it leaves by the fail/silence handle. A retry stays inside the node (enters nothing).
 *
 * An answer is routed in the same transition that receives it: the guards ask the node's
 * interpreter about the event (once per event, shared by all guards), so no extra microstep
 * is spent deciding.
 */
export function question(ctx: CompileContext, spec: QuestionSpec): StateConfig {
  const arm = spec.timeout === undefined ? [] : [act('armTimer', { delay: spec.timeout })];
  const answer = { interpret: spec.interpret.interpreter, params: spec.interpret.params };
  const prelude = [act('observe'), act('consumeInput'), act('recordAnswer', { answer })];
  const retry = (actions: ActionRef[]): TransitionConfig => ({
    guard: when('retryLeft', { max: spec.maxRetries }),
    target: 'retry',
    reenter: true,
    actions: [...actions, act('useRetry'), ...(spec.sorry ?? [])],
  });
  const fail = ctx.go(spec.failHandle);
  const listen = {
    CUSTOMER: [
      ...spec.accept.map((transition) => ({
        ...transition,
        guard: answerGuard(transition.guard, answer),
        actions: [...prelude, ...(transition.actions ?? [])],
      })),
      retry(prelude),
      { ...fail, actions: [...prelude, ...(fail.actions ?? [])] },
    ],
    TIMER: { guard: when('timerCurrent'), target: 'silent', actions: [act('observe')] },
  };
  return {
    initial: spec.initial ?? 'ask',
    exit: [act('cancelTimer')],
    states: {
      ...spec.before,
      ask: { entry: [...spec.ask, ...arm], on: listen },
      silent: { always: [retry([]), ctx.go(spec.silenceHandle)] },
      retry: { entry: [...(spec.reask ?? spec.ask), ...arm], on: listen },
    },
  };
}

/** A node's `verdictIs`/`verdictOk` guard, asked of the event's answer instead of the context. */
function answerGuard(guard: GuardRef | undefined, answer: { interpret: string; params: unknown }): GuardRef | undefined {
  if (guard?.type === 'verdictIs') return when('answerIs', { answer, choice: guard.params?.choice });
  if (guard?.type === 'verdictOk') return when('answerOk', { answer });
  return guard;
}

/** Reports item ids (options, cases, intents, branches) that repeat or collide with fixed handles. */
export function reportDuplicateHandleIds(
  items: readonly { id: string }[],
  reserved: readonly string[],
  ctx: CheckContext,
  field: string,
): void {
  const seen = new Set<string>(reserved);
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.report('duplicate-id', { id: item.id }, [field, index, 'id']);
    seen.add(item.id);
  });
}
