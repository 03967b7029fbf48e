import { z } from 'zod';
import { Channel } from '../schema/common';

export const Contact = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  locale: z.string().optional(),
  lineUserId: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export type Contact = z.infer<typeof Contact>;

/** What the host knows when a conversation starts. */
export const JourneyInput = z.object({
  conversationId: z.string().min(1),
  contact: Contact.default({ attributes: {} }),
  channel: Channel,
  now: z.string().datetime({ offset: true }),
  /** The message that started the conversation, if any; an intent step without a prompt reads it. */
  text: z.string().optional(),
  digits: z.string().optional(),
  payload: z.string().optional(),
  /** Initial flow variables (e.g. from an API trigger), merged over declared defaults. */
  vars: z.record(z.string(), z.unknown()).default({}),
});
export type JourneyInput = z.input<typeof JourneyInput>;

export interface LastInput {
  channel?: Channel;
  text?: string;
  digits?: string;
  payload?: string;
  intent?: string;
  confidence?: number;
  /** True until the bot has spoken or a node has interpreted it. */
  fresh: boolean;
}

export interface HandoffState {
  node: string;
  queue: string;
  skills: string[];
  priority: number;
  summary?: string;
  status: 'queued' | 'accepted';
  agent?: string;
  /** The last QUEUE_UPDATE: place in the queue (1 = next) and the estimated wait. */
  position?: number;
  estimatedWaitMinutes?: number;
}

/** The result of interpreting an answer (menu option, collected value, score, intent). */
export interface Verdict {
  ok: boolean;
  choice?: string;
  value?: unknown;
}

/**
 * The extended state of one journey. Plain JSON: it is persisted as the conversation snapshot
 * and restored with `machine.resolveState`.
 */
export interface FlowContext {
  conversationId: string;
  flowId: string;
  flowLocale: string;
  contact: Contact;
  channel: Channel;
  /** The journey clock: the time of the event being applied. */
  now: string;
  /** Variables of the top-level flow. */
  vars: Record<string, unknown>;
  /** Variables of running subflows, by the subflow node's qualified id. */
  frames: Record<string, Record<string, unknown>>;
  input: LastInput;
  /** The node the journey is in (qualified id: `subflow-node/child-node` inside subflows). */
  at: string;
  retries: number;
  verdict: Verdict | null;
  timer: { token: string; due: string } | null;
  /** The outstanding HTTP request id, if a node waits for one. */
  pending: string | null;
  handoff: HandoffState | null;
  outcome: string | null;
  /** Counter for tokens and request ids, so they are deterministic and unique per journey. */
  seq: number;
}

export function createContext(raw: JourneyInput, flow: { id: string; locale: string; defaults: Record<string, unknown> }): FlowContext {
  const input = JourneyInput.parse(raw);
  const fresh = input.text !== undefined || input.digits !== undefined || input.payload !== undefined;
  return {
    conversationId: input.conversationId,
    flowId: flow.id,
    flowLocale: flow.locale,
    contact: input.contact,
    channel: input.channel,
    now: input.now,
    vars: { ...flow.defaults, ...input.vars },
    frames: {},
    input: { channel: input.channel, text: input.text, digits: input.digits, payload: input.payload, fresh },
    at: '',
    retries: 0,
    verdict: null,
    timer: null,
    pending: null,
    handoff: null,
    outcome: null,
    seq: 0,
  };
}
