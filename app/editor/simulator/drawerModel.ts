// The drawer's pure decisions: which channels the flow starts on, what the status line says,
// which quick replies to offer, and the options a fresh drawer starts with.
import { z } from 'zod';
import { Channel, CHANNELS, nodeType, type FlowDocument } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import type { ContactProfile, SessionOptions, SessionProblem, StepRecord, StepState } from './sessionTypes';
import { topLevel } from './trace';

/** Contacts a tester plays most often; the first is the default. */
export const CONTACT_PRESETS: readonly { id: string; contact: ContactProfile }[] = [
  { id: 'somchai', contact: { name: 'Somchai Jaidee', phone: '+66812345678', email: 'somchai@example.com', locale: 'th-TH' } },
  { id: 'emma', contact: { name: 'Emma Wilson', phone: '+447700900123', email: 'emma.wilson@example.com', locale: 'en-US' } },
  { id: 'anonymous', contact: { name: '', phone: '', email: '', locale: '' } },
];

const StartData = z.object({ channels: z.array(Channel).min(1).optional() });

/** The channels the flow's start node allows (all of them when it names none). */
export function startChannels(flow: FlowDocument): Channel[] {
  const start = flow.nodes.find((node) => node.type === 'start');
  const data = StartData.safeParse(start?.data ?? {});
  return data.success && data.data.channels ? data.data.channels : [...CHANNELS];
}

/** A fresh drawer: the start node's first channel, the first preset, the current minute. */
export function defaultOptions(flow: FlowDocument, nowMs: number): SessionOptions {
  const minute = Math.floor(nowMs / 60_000) * 60_000;
  return {
    channel: startChannels(flow)[0] ?? 'webchat',
    contact: { ...CONTACT_PRESETS[0]!.contact },
    now: new Date(minute).toISOString(),
    mocks: { http: [] },
    vars: {},
  };
}

export type SessionStatus =
  | { kind: 'notStarted' }
  | { kind: 'waiting'; node: string; label: string }
  | { kind: 'queued'; queue: string }
  | { kind: 'withAgent'; queue: string }
  | { kind: 'ended'; outcome: string };

/** What the status line says about the journey now. */
export function statusOf(state: StepState | null, flow: FlowDocument, locale: Locale): SessionStatus {
  if (!state) return { kind: 'notStarted' };
  if (state.ended) return { kind: 'ended', outcome: state.outcome ?? '' };
  if (state.handoff?.status === 'queued') return { kind: 'queued', queue: state.handoff.queue };
  if (state.handoff?.status === 'accepted') return { kind: 'withAgent', queue: state.handoff.queue };
  return { kind: 'waiting', node: state.at, label: nodeLabel(flow, state.at, locale) };
}

/** The catalog's label for the type of a node (a subflow's inner node shows its subflow). */
export function nodeLabel(flow: FlowDocument, nodeId: string, locale: Locale): string {
  const node = flow.nodes.find((candidate) => candidate.id === topLevel(nodeId));
  return node ? (nodeType(node.type)?.texts[locale].label ?? node.type) : '';
}

/** The quick replies of the last message the journey sent, if the customer can still click them. */
export function lastQuickReplies(steps: readonly StepRecord[]): { id: string; label: string }[] {
  const last = steps[steps.length - 1];
  if (!last || last.state.ended) return [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const sent = steps[i]!.state.sent;
    const message = sent[sent.length - 1];
    if (message) return message.quickReplies ?? [];
  }
  return [];
}

/** Whether the agent controls apply: a handoff is waiting or with an agent. */
export function agentCanAct(state: StepState | null): boolean {
  return state !== null && !state.ended && state.handoff !== null;
}

/** `datetime-local` value (browser's zone) for an ISO instant. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO instant of a `datetime-local` value read in the browser's zone; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  const date = new Date(value);
  return value === '' || Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The options with a mock that answers the call a `noMock` problem names (200, an empty JSON
 * object) for the tester to fill in; `undefined` for other problems.
 */
export function withMockFor(options: SessionOptions, problem: SessionProblem | null): SessionOptions | undefined {
  if (problem?.kind !== 'noMock') return undefined;
  const mock = { method: problem.method, url: problem.url, status: 200, json: {} };
  return { ...options, mocks: { ...options.mocks, http: [...(options.mocks.http ?? []), mock] } };
}
