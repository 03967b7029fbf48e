import type { Channel, Text } from '../schema/common';
import type { EffectServices } from '../engine/effects';
import type { FlowContext } from '../engine/context';
import { durationMs } from '../lang/duration';
import { renderTemplate } from '../lang/template';
import { localText, scopeOf, setVars } from './scope';
import type { FlowEvent } from '../engine/events';
import type { Verdict } from '../engine/context';
import {
  defineAction,
  defineGuard,
  replyOf,
  type ActionImplementation,
  type ActionOutput,
  type GuardImplementation,
  type Interpreter,
} from './implementation';

/** Channels whose messages can carry quick-reply buttons (`api` passes them to the caller). */
export const BUTTON_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['webchat', 'line', 'api']);

export interface EnterParams {
  node: string;
  nodeId: string;
  flow: string;
}

export interface LeaveParams extends EnterParams {
  handle: string;
}

export interface SayParams {
  text: Text;
  frame: string;
  locale: string;
  /** Send here instead of the journey's current channel. */
  channel?: Channel;
  /** Buttons; a label may be a `Text` (per locale or channel), resolved like the message. */
  quickReplies?: { id: string; label: Text }[];
  mediaUrl?: string;
  /** Put a link that continues the journey on this channel into the scope as `link`. */
  link?: Channel;
  /** How long that link stays valid, from the journey clock (the event being applied). */
  linkTtl?: string;
}

/**
 * The actions and guards every node type shares. Node types add their own in their file;
 * `createFlowMachine` registers both.
 */
export function vocabulary(
  services: EffectServices,
  interpreters: Record<string, Interpreter> = {},
): {
  actions: Record<string, ActionImplementation>;
  guards: Record<string, GuardImplementation>;
} {
  return {
    actions: {
      enter: defineAction<EnterParams>((_args, p, out) => {
        out.assign({ at: p.node, retries: 0, verdict: null });
        out.effect({ type: 'enter', node: p.node, nodeId: p.nodeId, flow: p.flow });
      }),
      leave: defineAction<LeaveParams>((_args, p, out) => {
        out.effect({ type: 'leave', node: p.node, nodeId: p.nodeId, flow: p.flow, handle: p.handle });
      }),
      say: defineAction<SayParams>(({ context }, p, out) => say(context, p, out, services)),
      observe: defineAction<void>(({ context, event }, _p, out) => out.assign(observe(context, event))),
      armTimer: defineAction<{ delay: string }>(({ context }, p, out) => {
        const seq = context.seq + 1;
        const token = `t${seq}`;
        const due = new Date(Date.parse(context.now) + durationMs(p.delay)).toISOString();
        if (context.timer) out.effect({ type: 'timer.cancel', token: context.timer.token });
        out.assign({ seq, timer: { token, due } });
        out.effect({ type: 'timer.set', token, due, node: context.at });
      }),
      cancelTimer: defineAction<void>(({ context }, _p, out) => {
        if (!context.timer) return;
        out.effect({ type: 'timer.cancel', token: context.timer.token });
        out.assign({ timer: null });
      }),
      useRetry: defineAction<void>(({ context }, _p, out) => out.assign({ retries: context.retries + 1 })),
      recordAnswer: defineAction<{ answer: AnswerParams }>(({ event }, p, out) =>
        out.assign({ verdict: verdictOf(event, p.answer, interpreters) }),
      ),
      consumeInput: defineAction<void>(({ context }, _p, out) => {
        if (context.input.fresh) out.assign({ input: { ...context.input, fresh: false } });
      }),
      store: defineAction<{ frame: string; variable: string }>(({ context }, p, out) => {
        out.assign(setVars(context, p.frame, { [p.variable]: context.verdict?.value }));
      }),
      finish: defineAction<{ outcome: string }>((_args, p, out) => {
        out.assign({ outcome: p.outcome });
        out.effect({ type: 'end', outcome: p.outcome });
      }),
    },
    guards: {
      ...answerGuards(interpreters),
      timerCurrent: defineGuard<void>(
        ({ context, event }) => event.type === 'TIMER' && context.timer?.token === event.token,
      ),
      retryLeft: defineGuard<{ max: number }>(({ context }, p) => context.retries < p.max),
      verdictIs: defineGuard<{ choice: string }>(({ context }, p) => context.verdict?.choice === p.choice),
      verdictOk: defineGuard<void>(({ context }) => context.verdict?.ok === true),
      pendingIs: defineGuard<void>(
        ({ context, event }) => event.type === 'HTTP_RESULT' && event.requestId === context.pending,
      ),
      inputFresh: defineGuard<void>(({ context }) => context.input.fresh && !!context.input.text),
      // A HANGUP on another channel than the one a node waits on: the caller hanging up after
      // "we have texted you a link" is the journey moving on, not the customer leaving it.
      hangupElsewhere: defineGuard<{ channel: Channel }>(
        ({ event }, p) => event.type === 'HANGUP' && event.channel !== undefined && event.channel !== p.channel,
      ),
      channelIs: defineGuard<{ channel: Channel }>(
        ({ event }, p) => event.type === 'CUSTOMER' && event.channel === p.channel,
      ),
    },
  };
}

function say(context: FlowContext, p: SayParams, out: ActionOutput, services: EffectServices): void {
  const channel = p.channel ?? context.channel;
  const template = localText(context, p.text, p.locale, channel);
  if (template === undefined) return;
  const link = p.link
    ? services.continueLink({
        conversationId: context.conversationId,
        channel: p.link,
        contact: context.contact,
        // From the event's time, not the wall clock: replaying the step makes the same link.
        expiresAt: new Date(Date.parse(context.now) + durationMs(p.linkTtl ?? '1d')).toISOString(),
      })
    : undefined;
  const scope = scopeOf(context, p.frame, link === undefined ? undefined : { link });
  const render = (source: string) => {
    try {
      return renderTemplate(source, scope);
    } catch (error) {
      // A template that fails at run time (render limits) still says something rather than nothing.
      out.effect({ type: 'error', node: context.at, message: `template failed: ${String(error)}` });
      return source;
    }
  };
  const text = render(template);
  if (text === '' && !p.mediaUrl) return;
  if (context.input.fresh) out.assign({ input: { ...context.input, fresh: false } });
  // Only chat channels show buttons; on voice, SMS and email the prompt itself names the choices.
  const buttons = p.quickReplies && p.quickReplies.length > 0 && BUTTON_CHANNELS.has(channel) ? p.quickReplies : undefined;
  out.effect({
    type: 'send',
    channel,
    text,
    author: 'bot',
    node: context.at,
    ...(buttons ? { quickReplies: buttons.map((reply) => ({ id: reply.id, label: render(localText(context, reply.label, p.locale, channel) ?? reply.id) })) } : {}),
    ...(p.mediaUrl ? { mediaUrl: p.mediaUrl } : {}),
  });
}

/** Bookkeeping for any event a node handles: the clock, the channel and the customer's input. */
function observe(context: FlowContext, event: FlowEvent): Partial<FlowContext> {
  const patch: Partial<FlowContext> = { now: event.at };
  if (event.type === 'CUSTOMER') {
    patch.channel = event.channel;
    patch.input = { channel: event.channel, ...replyOf(event), fresh: true };
  }
  if (event.type === 'TIMER' && context.timer?.token === event.token) patch.timer = null;
  return patch;
}

/** Which interpreter reads an answer, with its params; one object shared by a node's guards. */
export interface AnswerParams {
  interpret: string;
  params: unknown;
}

const verdicts = new WeakMap<FlowEvent, Map<AnswerParams, Verdict>>();

/**
 * The verdict on the answer an event carries, computed once per event and answer spec: the
 * guards of every option of a menu share it, and the action that records it reuses it.
 */
function verdictOf(event: FlowEvent, answer: AnswerParams, interpreters: Record<string, Interpreter>): Verdict {
  let byAnswer = verdicts.get(event);
  if (!byAnswer) {
    byAnswer = new Map();
    verdicts.set(event, byAnswer);
  }
  let verdict = byAnswer.get(answer);
  if (!verdict) {
    const interpreter = interpreters[answer.interpret];
    if (!interpreter) throw new Error(`no interpreter named ${answer.interpret}`);
    verdict = interpreter(replyOf(event), answer.params);
    byAnswer.set(answer, verdict);
  }
  return verdict;
}

function answerGuards(interpreters: Record<string, Interpreter>): Record<string, GuardImplementation> {
  return {
    answerIs: defineGuard<{ answer: AnswerParams; choice: string }>(
      ({ event }, p) => verdictOf(event, p.answer, interpreters).choice === p.choice,
    ),
    answerOk: defineGuard<{ answer: AnswerParams }>(({ event }, p) => verdictOf(event, p.answer, interpreters).ok),
  };
}
