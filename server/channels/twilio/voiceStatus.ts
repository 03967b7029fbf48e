// The call's status callback. When the call is over (completed, busy, no-answer, failed,
// canceled) while its journey is still open, the caller has left: a hang-up event is ingested
// once (message id `CallSid:hangup`), and the journey ends its own way (a handoff leaves by
// `abandoned`; a journey waiting on another channel carries on there).
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { conversations, twilioCalls, type TwilioCallRow } from '../../db/schema';
import { UserError } from '../../errors';
import type { Runtime } from '../../runtime/runtime';
import { CALL_OVER, type CallParams } from './params';

const CallOver = z.enum(CALL_OVER);

export async function callStatusChanged(db: Database, runtime: Runtime, params: CallParams & { CallStatus: string }): Promise<void> {
  const over = CallOver.safeParse(params.CallStatus);
  if (!over.success) return;
  const [call] = await db.select().from(twilioCalls).where(eq(twilioCalls.callSid, params.CallSid));
  // A call that never reached the voice webhook has no journey to leave.
  const conversationId = call?.conversationId;
  if (!call || !conversationId) return;
  const [journey] = await db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, conversationId));
  if (journey && journey.status !== 'ended') await leave(runtime, call);
  // Recorded after the hang-up is stored: a replay after a failure here still hangs up (once,
  // by its message id).
  await db
    .update(twilioCalls)
    .set({ endStatus: over.data, endedAt: new Date() })
    .where(and(eq(twilioCalls.callSid, params.CallSid), isNull(twilioCalls.endStatus)));
}

async function leave(runtime: Runtime, call: TwilioCallRow): Promise<void> {
  try {
    await runtime.ingest({ channel: 'voice', from: call.from, to: call.to, hangup: true, messageId: `${call.callSid}:hangup` });
  } catch (error) {
    // The journey ended between the look and the hang-up: nothing is left to leave.
    if (!(error instanceof UserError)) throw error;
  }
}
