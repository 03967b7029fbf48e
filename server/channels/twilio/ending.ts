// How a voice answer ends, decided from where the journey is after the step: listening in a
// question node, queued for an agent, waiting (come back later), moved to another channel, or
// over. Pure: the state and the node's fields in, the TwiML ending out.
import { z } from 'zod';
import { parseDuration } from '@/flows';
import type { GatherSpec, VoiceEnding } from './twiml';
import type { VoiceState, WaitingNode } from './voiceState';

export interface EndingUrls {
  /** Where the Gather posts the caller's input (or silence). */
  gather: string;
  /** Where a Redirect, an Enqueue's or a Dial's action comes back to. */
  resume: string;
}

export interface EndingOptions {
  handoffDial: string | undefined;
  /** The previous answer ended in the queue or the dial: the call left it. */
  cameBackFromHandoff: boolean;
  /** The wall clock, for how long a `wait` still has to go. */
  now: Date;
}

/** Longest single Pause before coming back to look again. */
const MAX_PAUSE_S = 10;
/** Nodes where the journey waits for the caller's answer. */
const LISTENING = new Set(['menu', 'collect', 'survey', 'intent']);

export function voiceEnding(state: VoiceState, urls: EndingUrls, options: EndingOptions): VoiceEnding {
  if (state.status === 'ended') return { kind: 'hangup' };
  if (state.status === 'handoff') {
    // Back from the queue or the dial (agent done, queue left): the call is over for the caller.
    if (options.cameBackFromHandoff) return { kind: 'hangup' };
    return { kind: 'handoff', queue: state.queue ?? 'default', dial: options.handoffDial, action: urls.resume };
  }
  const node = state.node;
  if (!state.caughtUp || !node) return pause(1, urls);
  // The journey moved to another channel (an SMS link, a survey by SMS): nothing more to hear.
  if (state.channel !== 'voice' || node.type === 'channel' || elsewhere(node)) return { kind: 'hangup' };
  if (LISTENING.has(node.type)) return { kind: 'gather', gather: gatherFor(node, urls.gather) };
  if (node.type === 'wait' && state.timer) {
    const left = Math.ceil((Date.parse(state.timer.due) - options.now.getTime()) / 1000);
    return pause(Math.min(Math.max(left, 1), MAX_PAUSE_S), urls);
  }
  // Still working (an HTTP call in flight): hold the line briefly and look again.
  return pause(1, urls);
}

const SurveyData = z.object({ channel: z.string().optional() }).loose();

/** A survey sent on another channel (a CSAT by SMS after the call) is not asked on this call. */
function elsewhere(node: WaitingNode): boolean {
  return node.type === 'survey' && (SurveyData.parse(node.data).channel ?? 'voice') !== 'voice';
}

function pause(seconds: number, urls: EndingUrls): VoiceEnding {
  return { kind: 'pause', seconds, redirect: urls.resume };
}

const MenuData = z.object({ options: z.array(z.object({ keys: z.array(z.string()).optional() }).loose()) }).loose();
const CollectData = z.object({ kind: z.string(), maxLength: z.number().int().positive().optional() }).loose();
const Timeout = z.object({ timeout: z.string().optional() }).loose();

/** Defaults of the nodes' own (DESIGN.md): menu and collect 10s, survey 1d. */
const DEFAULT_TIMEOUT: Record<string, string> = { menu: '10s', collect: '10s', survey: '1d', intent: '10s' };

export function gatherFor(node: WaitingNode, action: string): GatherSpec {
  const timeoutText = Timeout.parse(node.data).timeout ?? DEFAULT_TIMEOUT[node.type] ?? '10s';
  const timeout = Math.max(1, Math.round((parseDuration(timeoutText) ?? 10_000) / 1000));
  const spec: GatherSpec = { action, timeout, finishOnKey: '#', input: node.type === 'intent' ? ['speech'] : ['dtmf', 'speech'] };
  if (node.type === 'menu') {
    const keys = MenuData.parse(node.data).options.flatMap((option) => option.keys ?? []);
    const lengths = new Set(keys.map((key) => key.length));
    // Keys of one length: the call moves on as soon as one is pressed, without waiting for `#`.
    const [length] = lengths;
    if (lengths.size === 1 && length !== undefined) spec.numDigits = length;
    // A menu that offers `#` as a key cannot also use it to end the input.
    if (keys.some((key) => key.includes('#'))) spec.finishOnKey = '';
  }
  if (node.type === 'collect') {
    const collect = CollectData.parse(node.data);
    if (collect.kind === 'digits' && collect.maxLength !== undefined) spec.numDigits = collect.maxLength;
  }
  return spec;
}
