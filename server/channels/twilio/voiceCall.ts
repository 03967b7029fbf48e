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
import { and, asc, eq, gt, isNull, max, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { contactIdentities, conversations, messages, timers, twilioCalls, twilioCallSteps, type TwilioCallRow } from '../../db/schema';
import type { Runtime } from '../../runtime/runtime';
import { lockConversation } from '../../runtime/internalEvents';
import { endpointUrl, type TwilioConfig } from './config';
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
      await fireHeldTimer(ctx, call.conversationId, token);
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

type OpenCall = TwilioCallRow & { conversationId: string };

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
    gather: endpointUrl(ctx.config, ctx.requestUrl, `voice/gather?step=${step + 1}`),
    resume: endpointUrl(ctx.config, ctx.requestUrl, `voice/resume?step=${step + 1}`),
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

async function storedAnswer(db: Database, callSid: string, step: number): Promise<string | undefined> {
  const [row] = await db
    .select({ twiml: twilioCallSteps.twiml })
    .from(twilioCallSteps)
    .where(and(eq(twilioCallSteps.callSid, callSid), eq(twilioCallSteps.step, step)));
  return row?.twiml;
}

const PreviousStep = z.object({ position: z.coerce.number(), kind: z.string(), timerToken: z.string().nullable() });

/** In one query: step k's stored answer (a replay), the call with its conversation, and the answer before k. */
async function callAt(db: Database, callSid: string, step: number): Promise<{ replayed?: string; call?: OpenCall; previous?: z.infer<typeof PreviousStep> }> {
  const [row] = await db
    .select({
      call: twilioCalls,
      replayed: sql<string | null>`(select ${twilioCallSteps.twiml} from ${twilioCallSteps} where ${twilioCallSteps.callSid} = ${callSid} and ${twilioCallSteps.step} = ${step})`,
      previous: sql<unknown>`(select json_build_object('position', s.position, 'kind', s.kind, 'timerToken', s.timer_token) from ${twilioCallSteps} s
        where s.call_sid = ${callSid} and s.step < ${step} order by s.step desc limit 1)`,
    })
    .from(twilioCalls)
    .where(eq(twilioCalls.callSid, callSid));
  if (!row) return {};
  if (row.replayed !== null) return { replayed: row.replayed };
  const { conversationId } = row.call;
  if (!conversationId) return {};
  return { call: { ...row.call, conversationId }, ...(row.previous === null ? {} : { previous: PreviousStep.parse(row.previous) }) };
}

/**
 * The call's row, made by the first webhook: its start position is what the caller's open
 * journey (if any: a caller who had been texting) had said before, so the call does not read out
 * an SMS conversation's history.
 */
async function openCall(db: Database, params: CallParams): Promise<{ call: TwilioCallRow; openConversation: string | undefined }> {
  const [said] = await db
    .select({ conversationId: conversations.id, position: max(messages.position) })
    .from(contactIdentities)
    .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), ne(conversations.status, 'ended')))
    .innerJoin(messages, eq(messages.conversationId, conversations.id))
    .where(and(eq(contactIdentities.channel, 'voice'), eq(contactIdentities.address, params.From)))
    .groupBy(conversations.id);
  await db
    .insert(twilioCalls)
    .values({ callSid: params.CallSid, from: params.From, to: params.To, startPosition: said?.position ?? 0 })
    .onConflictDoNothing();
  const [call] = await db.select().from(twilioCalls).where(eq(twilioCalls.callSid, params.CallSid));
  if (!call) throw new Error(`call ${params.CallSid} was neither stored nor found`);
  return { call, openConversation: said?.conversationId };
}

/** Puts the journey's no-input timer on hold while Twilio listens (see the top of this file). */
function holdTimer(db: Database, conversationId: string, token: string): SQL {
  return db
    .update(timers)
    .set({ cancelledAt: new Date() })
    .where(and(eq(timers.conversationId, conversationId), eq(timers.token, token), isNull(timers.firedAt), isNull(timers.cancelledAt)))
    .getSQL();
}

/**
 * Releases the held timer, due now, while the journey still waits on it (under the conversation's
 * row lock, as the processor changes it), and has the runtime fire what is due: the TIMER event
 * is appended and queued like any timer's.
 */
async function fireHeldTimer(ctx: VoiceContext, conversationId: string, token: string): Promise<void> {
  const released = await ctx.db.transaction(async (tx) => {
    if (!(await lockConversation(tx, conversationId))) return false;
    const [current] = await tx
      .select({ token: sql<string | null>`${conversations.snapshot} -> 'context' -> 'timer' ->> 'token'` })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    if (current?.token !== token) return false;
    const rows = await tx
      .update(timers)
      .set({ cancelledAt: null, fireAt: new Date() })
      .where(and(eq(timers.conversationId, conversationId), eq(timers.token, token), isNull(timers.firedAt)))
      .returning({ id: timers.id });
    return rows.length > 0;
  });
  if (released) await ctx.runtime.fireDueTimers(0);
}
