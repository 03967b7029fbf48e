import { z } from 'zod';
import { Channel } from '../schema/common';

const At = z.string().datetime({ offset: true });

/** The customer wrote, spoke, pressed keys or clicked a button. */
export const CustomerEvent = z.object({
  type: z.literal('CUSTOMER'),
  at: At,
  channel: Channel,
  text: z.string().max(10_000).optional(),
  digits: z.string().regex(/^[0-9*#]*$/).max(64).optional(),
  payload: z.string().max(1_000).optional(),
});

/** The customer hung up, closed the chat or otherwise left. */
export const HangupEvent = z.object({ type: z.literal('HANGUP'), at: At, channel: Channel.optional() });

/** A timer armed by the journey fired; only the current token is honoured. */
export const TimerEvent = z.object({ type: z.literal('TIMER'), at: At, token: z.string() });

export const AgentAcceptEvent = z.object({ type: z.literal('AGENT_ACCEPT'), at: At, agent: z.string().optional() });
export const AgentReplyEvent = z.object({
  type: z.literal('AGENT_REPLY'),
  at: At,
  text: z.string().min(1).max(10_000),
  agent: z.string().optional(),
});
export const AgentTransferEvent = z.object({
  type: z.literal('AGENT_TRANSFER'),
  at: At,
  queue: z.string().min(1),
  skills: z.array(z.string()).optional(),
});
export const AgentResolveEvent = z.object({ type: z.literal('AGENT_RESOLVE'), at: At, agent: z.string().optional() });

/** Where a waiting conversation stands in its queue (sent by the host's routing while it waits). */
export const QueueUpdateEvent = z.object({
  type: z.literal('QUEUE_UPDATE'),
  at: At,
  position: z.number().int().min(1),
  estimatedWaitMinutes: z.number().int().min(0),
});

/** The answer to an `http.request` effect, matched by request id. */
export const HttpResultEvent = z.object({
  type: z.literal('HTTP_RESULT'),
  at: At,
  requestId: z.string(),
  status: z.number().int(),
  body: z.unknown().optional(),
  error: z.string().optional(),
});

/** Everything a running journey reacts to. Hosts parse with this before stepping. */
export const FlowEvent = z.discriminatedUnion('type', [
  CustomerEvent,
  HangupEvent,
  TimerEvent,
  AgentAcceptEvent,
  AgentReplyEvent,
  AgentTransferEvent,
  AgentResolveEvent,
  HttpResultEvent,
  QueueUpdateEvent,
]);
export type FlowEvent = z.infer<typeof FlowEvent>;
export type CustomerEvent = z.infer<typeof CustomerEvent>;
