import type { Channel } from '../schema/common';
import type { IdentityKind } from '../lang/address';

/** A message to the customer. `channel` is where it goes; the host resolves the address. */
export interface SendEffect {
  type: 'send';
  channel: Channel;
  text: string;
  quickReplies?: { id: string; label: string }[];
  mediaUrl?: string;
  author: 'bot' | 'agent';
  agent?: string;
  node: string;
}

export interface TimerSetEffect {
  type: 'timer.set';
  token: string;
  due: string;
  node: string;
}

export interface TimerCancelEffect {
  type: 'timer.cancel';
  token: string;
}

export interface HttpRequestEffect {
  type: 'http.request';
  requestId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  node: string;
}

export interface HandoffEffect {
  type: 'handoff.queued' | 'handoff.transferred' | 'handoff.accepted' | 'handoff.closed';
  node: string;
  queue: string;
  skills: string[];
  priority: number;
  summary?: string;
  agent?: string;
  reason?: string;
  /** `handoff.queued`: the node tells the customer their place (has `positionText`), so the host sends QUEUE_UPDATEs. */
  wantsPosition?: boolean;
}

export interface MetricEffect {
  type: 'metric';
  name: string;
  value: number | string;
  node: string;
}

/** The journey entered a node (`flow` is the flow that declares it, for subflows). */
export interface EnterEffect {
  type: 'enter';
  node: string;
  flow: string;
  nodeId: string;
}

/** The journey left a node through a handle. */
export interface LeaveEffect {
  type: 'leave';
  node: string;
  flow: string;
  nodeId: string;
  handle: string;
}

/** Something went wrong that the flow survived (a template failed to render). */
export interface ErrorEffect {
  type: 'error';
  node: string;
  message: string;
}

/**
 * Link an address (a verified email, a phone number…) to the conversation's contact. The host
 * does it inside the step's transaction; when the address belongs to another contact, the two
 * contacts are merged.
 */
export interface IdentityLinkEffect {
  type: 'identity.link';
  kind: IdentityKind;
  /** Normalised: E.164-like phone, lower-case email, the LINE user id or visitor id as given. */
  address: string;
  node: string;
}

export interface EndEffect {
  type: 'end';
  outcome: string;
}

/** What one step asks the host to do, in order. The simulator and the runtime interpret these. */
export type Effect =
  | SendEffect
  | TimerSetEffect
  | TimerCancelEffect
  | HttpRequestEffect
  | HandoffEffect
  | MetricEffect
  | EnterEffect
  | LeaveEffect
  | ErrorEffect
  | IdentityLinkEffect
  | EndEffect;

/** Host-provided services that effects may need while being built (never I/O). */
export interface EffectServices {
  /** Builds the link that opens this journey on another channel (signed by the server). */
  continueLink(args: { conversationId: string; channel: Channel; contact: { id?: string }; expiresAt: string }): string;
}

export const simulatedServices: EffectServices = {
  continueLink: ({ conversationId, channel }) =>
    `https://switchboard.local/continue/${encodeURIComponent(conversationId)}?channel=${channel}`,
};
