// What each LINE event does: messages and postbacks go to the runtime as the user's words or
// button ids; a follow records the contact; an unfollow ends waiting (the customer left) and
// stops our pushes. The event's webhookEventId is the message id, so a redelivered webhook is
// applied once.
import type { Database } from '../../db/client';
import { UserError } from '../../errors';
import { conversationLog, log } from '../../log';
import { resolveContact } from '../../runtime/contacts';
import type { InboundEvent } from '../../runtime/inbound';
import type { Runtime } from '../../runtime/runtime';
import type { LineEvent } from './webhook';
import { setFollowed, storeReplyToken } from './users';

export interface LineEventContext {
  db: Database;
  runtime: Runtime;
  /** The bot's user id (the webhook's `destination`), passed as `to` for bindings. */
  destination: string;
  now: Date;
}

/** Applies one event; returns the LINE user it came from (undefined when not from a user). */
export async function applyLineEvent(context: LineEventContext, event: LineEvent): Promise<string | undefined> {
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  // Group and room events would make us answer a whole group as one customer: not handled.
  if (!userId) return undefined;
  if (event.replyToken) await storeReplyToken(context.db, userId, event.replyToken, tokenTime(event.timestamp, context.now));
  const base = { channel: 'line', from: userId, to: context.destination, messageId: event.webhookEventId } as const;
  switch (event.type) {
    case 'message':
      await ingestUnlessUnbound(context, { ...base, text: event.message.text ?? `[${event.message.type}]` });
      break;
    case 'postback':
      await ingestUnlessUnbound(context, { ...base, payload: event.postback.data });
      break;
    case 'follow':
      // A follow starts nothing: the journey begins when the user writes. The contact exists
      // from now on, so an agent or a campaign can find them.
      await setFollowed(context.db, userId, true);
      await context.db.transaction((tx) => resolveContact(tx, { channel: 'line', from: userId }));
      break;
    case 'unfollow':
      await setFollowed(context.db, userId, false);
      await leave(context, { ...base, hangup: true });
      break;
    default:
      return exhaustive(event);
  }
  return userId;
}

/**
 * A message nobody can answer (no flow bound to LINE) is logged, not refused: refusing would
 * make LINE redeliver it for nothing. Other failures throw, and LINE redelivers the webhook.
 */
async function ingestUnlessUnbound(context: LineEventContext, event: InboundEvent): Promise<void> {
  try {
    await context.runtime.ingest(event);
  } catch (error) {
    if (!(error instanceof UserError && error.reason === 'precondition')) throw error;
    log.warn({ channel: 'line', reason: error.message }, 'a LINE message was not stored');
  }
}

/** The user blocked the account: an open conversation hears that they left; none, nothing. */
async function leave(context: LineEventContext, event: InboundEvent): Promise<void> {
  try {
    const { conversationId } = await context.runtime.ingest(event);
    conversationLog(conversationId).info('the LINE user unfollowed; the conversation hears they left');
  } catch (error) {
    if (!(error instanceof UserError && error.reason === 'precondition')) throw error;
  }
}

/** The event's own time ages its reply token; a clock ahead of ours counts as now. */
function tokenTime(timestamp: number, now: Date): Date {
  return new Date(Math.min(timestamp, now.getTime()));
}

function exhaustive(value: never): never {
  throw new Error(`unhandled LINE event ${JSON.stringify(value)}`);
}
