// The voice webhooks of one call. Each answer is a numbered step: step 0 is the call's first
// webhook, and every action or redirect URL we hand Twilio carries the next number. The caller's
// input at step k is ingested with message id `CallSid:k`, so a replayed webhook is stored once,
// and the TwiML of each step is kept, so a replay is answered the same, word for word.
//
// An answer waits until the runtime has applied the event (see settle.ts), then says the
// journey's voice messages after the previous answer's transcript position and ends as the
// journey now stands (ending.ts).
//
// Silence. A menu, collect or survey waits with a no-input timer armed when its prompt was
// produced, but the caller only starts to be silent once Twilio has finished speaking the
// prompt; a long Thai menu can take longer to say than the node's whole timeout. So when an
// answer listens (a Gather), the voice channel takes that timer over: the timer row is put on
// hold (cancelled), the Gather's `timeout` is the node's, and Twilio's action with no input
// (actionOnEmptyResult) is the silence. We then release the held timer and have the runtime
// fire it (`fireDueTimers`): the journey gets the very TIMER event it armed, goes through its
// own no-input path (one retry used, sorry text and reprompt; noInput once none is left) and
// the timer's claim makes it count once, however often the webhook is replayed. Ingesting an
// empty answer instead would take the noMatch/invalid path, not noInput. A caller who hangs up
// mid-Gather is ended by the status callback (voiceStatus.ts); that callback must therefore be
// configured on the number, or such a journey waits in its question until it is ended otherwise.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { messages, twilioCalls, twilioCallSteps } from '../../db/schema';
import type { Runtime } from '../../runtime/runtime';
import { callAt, openCall, storedAnswer, type OpenCall } from './callRecords';
import { endpointUrl, type TwilioConfig } from './config';
import { holdTimer, releaseHeldTimer } from './heldTimers';
import { voiceEnding } from './ending';
import { rememberNumber } from './numbers';
import type { CallParams, GatherParams } from './params';
import { atRest, ConversationWatch } from './settle';
import { renderTwiml } from './twiml';
import type { VoiceState } from './voiceState';

export interface VoiceContext {
  db: Database;
  runtime: Runtime;
  config: TwilioConfig;
  /** The URL Twilio called (its public origin): action URLs are built on it. */
  requestUrl: string;
  /** How long an answer waits for the journey before answering "hold on" (Pause, Redirect). */
  settleMs: number;
}

/** The opening payload of a call: flows see it as `input.payload`, nobody said anything yet. */
export const CALL_PAYLOAD = 'twilio:call';

/** Step 0: a new call. Stores the call, starts (or joins) the caller's journey, answers its first words. */
export async function answerCall(ctx: VoiceContext, params: CallParams): Promise<string> {
  const replayed = await storedAnswer(ctx.db, params.CallSid, 0);
  if (replayed !== undefined) return replayed;
  const { call, openConversation } = await openCall(ctx.db, params);
  let watch = openConversation ? new ConversationWatch(ctx.db, ctx.runtime.notifier, openConversation) : undefined;
  try {
    const ingested = await ctx.runtime.ingest({ channel: 'voice', from: call.from, to: call.to, payload: CALL_PAYLOAD, messageId: `${call.callSid}:0` });
    if (watch?.conversationId !== ingested.conversationId) {
      watch?.close();
      watch = new ConversationWatch(ctx.db, ctx.runtime.notifier, ingested.conversationId);
    }
    await ctx.db.update(twilioCalls).set({ conversationId: ingested.conversationId }).where(eq(twilioCalls.callSid, call.callSid));
    await rememberNumber(ctx.db, ingested.conversationId, call.to);
    const state = await watch.until(atRest, ctx.settleMs);
    return await answer(ctx, { ...call, conversationId: ingested.conversationId }, 0, call.startPosition, state);
  } finally {
    watch?.close();
  }
}

/** A Gather's action at step k: the caller's keys or words, or silence. */
export async function answerGather(ctx: VoiceContext, params: GatherParams, step: number): Promise<string> {
  const known = await callAt(ctx.db, params.CallSid, step);
  if (known.replayed !== undefined) return known.replayed;
  const { call, previous } = known;
  if (!call) return renderTwiml([], undefined, { kind: 'hangup' });
  const digits = params.Digits === '' ? undefined : params.Digits;
  const speech = params.SpeechResult?.trim() ? params.SpeechResult.trim() : undefined;
  const watch = new ConversationWatch(ctx.db, ctx.runtime.notifier, call.conversationId);
  try {
    let done = atRest;
    if (digits !== undefined || speech !== undefined) {
      await ctx.runtime.ingest({
        channel: 'voice',
        from: call.from,
        to: call.to,
        ...(digits !== undefined ? { digits } : { text: speech }),
        messageId: `${call.callSid}:${step}`,
      });
    } else if (previous?.timerToken) {
      const token = previous.timerToken;
      if (await releaseHeldTimer(ctx.db, call.conversationId, token)) await ctx.runtime.fireDueTimers(0);
      // Done once the journey has taken the timer: it re-armed (a retry) or left the node.
      done = (state) => atRest(state) && (state.status === 'ended' || state.timer?.token !== token);
    }
    const state = await watch.until(done, ctx.settleMs);
    return await answer(ctx, call, step, previous?.position ?? call.startPosition, state, previous?.kind === 'handoff');
  } finally {
    watch.close();
  }
}

/** A Redirect, or the action of an Enqueue or Dial that the call left, at step k: say what is new. */
export async function answerResume(ctx: VoiceContext, params: CallParams, step: number): Promise<string> {
  const known = await callAt(ctx.db, params.CallSid, step);
  if (known.replayed !== undefined) return known.replayed;
  const { call, previous } = known;
  if (!call) return renderTwiml([], undefined, { kind: 'hangup' });
  const watch = new ConversationWatch(ctx.db, ctx.runtime.notifier, call.conversationId);
  try {
    const state = await watch.until(atRest, ctx.settleMs);
    return await answer(ctx, call, step, previous?.position ?? call.startPosition, state, previous?.kind === 'handoff');
  } finally {
    watch.close();
  }
}

/**
 * Renders the answer and stores it as the step's (the first stored wins a race; a Gather's
 * no-input timer is put on hold in the same statement) and returns the stored TwiML.
 */
async function answer(ctx: VoiceContext, call: OpenCall, step: number, after: number, state: VoiceState, cameBackFromHandoff = false): Promise<string> {
  const rows = await ctx.db
    .select({ position: messages.position, direction: messages.direction, channel: messages.channel, text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, call.conversationId), gt(messages.position, after)))
    .orderBy(asc(messages.position));
  const says = rows.flatMap((row) => (row.direction === 'out' && row.channel === 'voice' && row.text ? [row.text] : []));
  const urls = {
    gather: endpointUrl(ctx.requestUrl, `voice/gather?step=${step + 1}`),
    resume: endpointUrl(ctx.requestUrl, `voice/resume?step=${step + 1}`),
  };
  const ending = voiceEnding(state, urls, { handoffDial: ctx.config.handoffDial, cameBackFromHandoff, now: new Date() });
  const twiml = renderTwiml(says, state.locale, ending);
  const timerToken = ending.kind === 'gather' ? (state.timer?.token ?? null) : null;
  const insert = ctx.db
    .insert(twilioCallSteps)
    .values({ callSid: call.callSid, step, position: rows.at(-1)?.position ?? after, kind: ending.kind, timerToken, twiml })
    .onConflictDoNothing()
    .getSQL();
  const hold = timerToken
    ? sql`, held as (${holdTimer(ctx.db, call.conversationId, timerToken)} and exists (select 1 from stored))`
    : sql``;
  const result = await ctx.db.execute(sql`with stored as (${insert} returning ${twilioCallSteps.twiml})${hold} select twiml from stored`);
  if (Stored.parse(result).rows.length > 0) return twiml;
  return (await storedAnswer(ctx.db, call.callSid, step)) ?? twiml;
}

const Stored = z.object({ rows: z.array(z.object({ twiml: z.string() })) });
