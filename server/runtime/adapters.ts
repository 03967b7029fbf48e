// Channel adapters hand outbound messages to a channel. Each message carries an idempotency
// key: an adapter given the same key twice (a retry after a crash) must not send twice.
import { emailAdapterFromEnv } from '../channels/email/adapter';
import { lineAdapterFromEnv } from '../channels/line/adapter';
import { twilioAdapters } from '../channels/twilio/adapters';
import type { Database } from '../db/client';
import type { CHANNELS } from '../db/schema';

export type Channel = (typeof CHANNELS)[number];

export interface OutboundMessage {
  conversationId: string;
  channel: Channel;
  text: string;
  quickReplies: { id: string; label: string }[];
  mediaUrl: string | null;
  idempotencyKey: string;
}

/**
 * A send that can never succeed (the customer blocked the account, the address does not exist):
 * the message is marked failed at once instead of being retried with backoff.
 */
export class UndeliverableError extends Error {
  override readonly name = 'UndeliverableError';
}

export interface ChannelAdapter {
  send(message: OutboundMessage): Promise<void>;
}

/**
 * For channels whose clients read the transcript themselves (the REST API, web chat): the
 * message is in the transcript once committed, so delivery is done.
 */
export const transcriptAdapter: ChannelAdapter = {
  send: async () => undefined,
};

/** The longest an adapter may take to hand over one message; the outbox lease counts on it. */
export const SEND_TIMEOUT_MS = 10_000;

/**
 * For the `api` channel when the system behind it wants messages pushed rather than polled
 * (SWITCHBOARD_API_WEBHOOK_URL): each message is POSTed as JSON with an `Idempotency-Key`
 * header, so the receiver can drop the repeat a retry after a crash may bring. Anything but a
 * 2xx is a failure, retried with backoff.
 */
export function webhookAdapter(url: string, fetchImpl: typeof fetch = fetch): ChannelAdapter {
  return {
    async send(message) {
      const { idempotencyKey, ...body } = message;
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    },
  };
}

/** The adapters this process knows; a channel without one fails its messages with a clear error. */
export function defaultAdapters(env: Record<string, string | undefined> = process.env, db?: Database): Partial<Record<Channel, ChannelAdapter>> {
  const webhook = env.SWITCHBOARD_API_WEBHOOK_URL;
  const line = db ? lineAdapterFromEnv(db, env) : undefined;
  const email = db ? emailAdapterFromEnv(db, env) : undefined;
  return {
    api: webhook ? webhookAdapter(webhook) : transcriptAdapter,
    webchat: transcriptAdapter,
    ...(db ? twilioAdapters(env, db) : {}),
    ...(line ? { line } : {}),
    ...(email ? { email } : {}),
  };
}
