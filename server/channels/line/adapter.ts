// Sends our messages to LINE: as a reply while the customer's latest reply token is fresh and
// unused (replies are free and need no retry key), otherwise as a push. Pushes carry
// `X-Line-Retry-Key` derived from the message's idempotency key, so a retry after a crash or a
// timeout is not delivered twice: LINE answers 409 to a key it has already accepted.
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Database } from '../../db/client';
import { conversationLog } from '../../log';
import { SEND_TIMEOUT_MS, UndeliverableError, type ChannelAdapter, type OutboundMessage } from '../../runtime/adapters';
import { lineConfig, type LineConfig } from './config';
import { lineMessages, retryKeyOf } from './messages';
import { claimReplyToken, isUnfollowed, lineUserOf } from './users';

export interface LineAdapterOptions {
  db: Database;
  accessToken: string;
  baseURL: string;
  /** The time reply tokens are aged by; the webhook stamps them with the same clock. */
  clock?: () => Date;
}

/** The LINE adapter when LINE_CHANNEL_ACCESS_TOKEN is set; undefined otherwise. */
export function lineAdapterFromEnv(db: Database, env: Record<string, string | undefined>): ChannelAdapter | undefined {
  const config: LineConfig = lineConfig(env);
  return config.accessToken ? lineAdapter({ db, accessToken: config.accessToken, baseURL: config.baseURL }) : undefined;
}

export function lineAdapter(options: LineAdapterOptions): ChannelAdapter {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: options.accessToken, baseURL: options.baseURL });
  const clock = options.clock ?? (() => new Date());
  return {
    async send(message) {
      const userId = await lineUserOf(options.db, message.conversationId);
      if (!userId) throw new UndeliverableError('the conversation’s contact has no LINE user id');
      if (await isUnfollowed(options.db, userId)) throw new UndeliverableError('the LINE user unfollowed (blocked) the account; nothing is pushed to them');
      const messages = lineMessages(message);
      if (await replied(options.db, client, userId, messages, clock(), message)) return;
      await withTimeout(client.pushMessage({ to: userId, messages }, retryKeyOf(message.idempotencyKey))).catch((error: unknown) => {
        // 409: LINE already accepted a push with this retry key, so this message went out before.
        if (error instanceof HTTPFetchError && error.status === 409) return;
        throw describe(error, 'push');
      });
    },
  };
}

/**
 * Replies when a fresh token is there. The token is marked used before the call: should the
 * call fail in a way that leaves it unclear whether LINE took it, the retry pushes (at least
 * once; replies have no retry key). A 400 means LINE refused the token (expired, used): push.
 */
async function replied(
  db: Database,
  client: messagingApi.MessagingApiClient,
  userId: string,
  messages: messagingApi.Message[],
  now: Date,
  message: OutboundMessage,
): Promise<boolean> {
  const replyToken = await claimReplyToken(db, userId, now);
  if (!replyToken) return false;
  try {
    await withTimeout(client.replyMessage({ replyToken, messages }));
    return true;
  } catch (error) {
    if (error instanceof HTTPFetchError && error.status === 400) {
      conversationLog(message.conversationId).info({ body: error.body }, 'LINE refused the reply token; pushing instead');
      return false;
    }
    throw describe(error, 'reply');
  }
}

/** The SDK's fetch has no time limit; the outbox lease counts on one. */
function withTimeout<T>(call: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`LINE did not answer within ${SEND_TIMEOUT_MS / 1000}s`)), SEND_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** LINE's own message (it names the field it refused) for the delivery error people read. */
function describe(error: unknown, what: string): Error {
  if (error instanceof HTTPFetchError) return new Error(`LINE ${what} answered ${error.status}: ${error.body.slice(0, 300)}`);
  return error instanceof Error ? error : new Error(String(error));
}
