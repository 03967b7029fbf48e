// Channel adapters hand outbound messages to a channel. Each message carries an idempotency
// key: an adapter given the same key twice (a retry after a crash) must not send twice.
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

/** The adapters this process knows; a channel without one fails its messages with a clear error. */
export function defaultAdapters(): Partial<Record<Channel, ChannelAdapter>> {
  return { api: transcriptAdapter, webchat: transcriptAdapter };
}
