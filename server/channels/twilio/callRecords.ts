// The calls and the answers given at each of their steps, as stored in twilio_calls and
// twilio_call_steps: what a replayed webhook is answered with, and where the next answer starts.
import { and, eq, max, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { identityOf } from '../../contacts/identities';
import { contactIdentities, conversations, messages, twilioCalls, twilioCallSteps, type TwilioCallRow } from '../../db/schema';
import type { CallParams } from './params';

export type OpenCall = TwilioCallRow & { conversationId: string };

export async function storedAnswer(db: Database, callSid: string, step: number): Promise<string | undefined> {
  const [row] = await db
    .select({ twiml: twilioCallSteps.twiml })
    .from(twilioCallSteps)
    .where(and(eq(twilioCallSteps.callSid, callSid), eq(twilioCallSteps.step, step)));
  return row?.twiml;
}

export const PreviousStep = z.object({ position: z.coerce.number(), kind: z.string(), timerToken: z.string().nullable() });

/** In one query: step k's stored answer (a replay), the call with its conversation, and the answer before k. */
export async function callAt(db: Database, callSid: string, step: number): Promise<{ replayed?: string; call?: OpenCall; previous?: z.infer<typeof PreviousStep> }> {
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
export async function openCall(db: Database, params: CallParams): Promise<{ call: TwilioCallRow; openConversation: string | undefined }> {
  const caller = identityOf('voice', params.From);
  const [said] = await db
    .select({ conversationId: conversations.id, position: max(messages.position) })
    .from(contactIdentities)
    .innerJoin(conversations, and(eq(conversations.contactId, contactIdentities.contactId), ne(conversations.status, 'ended')))
    .innerJoin(messages, eq(messages.conversationId, conversations.id))
    .where(and(eq(contactIdentities.channel, caller.channel), eq(contactIdentities.address, caller.address)))
    .groupBy(conversations.id);
  await db
    .insert(twilioCalls)
    .values({ callSid: params.CallSid, from: params.From, to: params.To, startPosition: said?.position ?? 0 })
    .onConflictDoNothing();
  const [call] = await db.select().from(twilioCalls).where(eq(twilioCalls.callSid, params.CallSid));
  if (!call) throw new Error(`call ${params.CallSid} was neither stored nor found`);
  return { call, openConversation: said?.conversationId };
}
