import type { FlowContext } from '../engine/context';
import type { Channel, Text } from '../schema/common';
import { resolveText } from '../lang/text';

/** What templates, rules and expressions can read. */
export interface TemplateScope {
  vars: Record<string, unknown>;
  contact: FlowContext['contact'];
  input: { text?: string; digits?: string; payload?: string; intent?: string; channel?: string };
  channel: string;
  conversation: { id: string };
  now: string;
  link?: string;
  /** While in a handoff: `queue.name`, and after the host's first QUEUE_UPDATE `position` and `estimatedWaitMinutes`. */
  queue?: { name: string; position?: number; estimatedWaitMinutes?: number };
}

/**
 * The template scope of a node in a variable frame ('' = the top-level flow).
 *
 * @example renderTemplate('{{ vars.last4 }}', scopeOf(context, ''))
 */
export function scopeOf(context: FlowContext, frame: string, extra?: { link?: string }): TemplateScope {
  const { text, digits, payload, intent, channel } = context.input;
  return {
    vars: frameVars(context, frame),
    contact: context.contact,
    input: { text, digits, payload, intent, channel },
    channel: context.channel,
    conversation: { id: context.conversationId },
    now: context.now,
    ...(context.handoff ? { queue: { name: context.handoff.queue, position: context.handoff.position, estimatedWaitMinutes: context.handoff.estimatedWaitMinutes } } : {}),
    ...extra,
  };
}

export function frameVars(context: FlowContext, frame: string): Record<string, unknown> {
  return frame === '' ? context.vars : (context.frames[frame] ?? {});
}

/** A context patch that sets variables in a frame. */
export function setVars(context: FlowContext, frame: string, values: Record<string, unknown>): Partial<FlowContext> {
  if (frame === '') return { vars: { ...context.vars, ...values } };
  return { frames: { ...context.frames, [frame]: { ...frameVars(context, frame), ...values } } };
}

/**
 * The template of a `Text` for this journey: the contact's locale first, then the flow's
 * (`locale`), and the variant for `channel` (the journey's current channel by default).
 */
export function localText(context: FlowContext, text: Text | undefined, locale: string, channel: Channel = context.channel): string | undefined {
  return resolveText(text, { channel, locales: [context.contact.locale, locale] });
}
