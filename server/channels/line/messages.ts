// Our outbound message as LINE message objects: the text (and an image when it carries one),
// with menu options and quick replies as LINE quick-reply buttons on the last of them.
import { createHash } from 'node:crypto';
import type { messagingApi } from '@line/bot-sdk';
import type { OutboundMessage } from '../../runtime/adapters';

/** LINE's limits: 13 quick-reply buttons, labels of 20 characters, texts of 5,000. */
export const MAX_QUICK_REPLIES = 13;
export const MAX_LABEL_LENGTH = 20;
const MAX_TEXT_LENGTH = 5_000;
const MAX_POSTBACK_LENGTH = 300;

export function lineMessages(message: Pick<OutboundMessage, 'text' | 'quickReplies' | 'mediaUrl'>): messagingApi.Message[] {
  const text: messagingApi.TextMessage = { type: 'text', text: clip(message.text, MAX_TEXT_LENGTH) || ' ' };
  const parts: messagingApi.Message[] = [text];
  // LINE shows only https images; anything else stays a link in the text.
  if (message.mediaUrl?.startsWith('https://')) {
    parts.push({ type: 'image', originalContentUrl: message.mediaUrl, previewImageUrl: message.mediaUrl });
  } else if (message.mediaUrl) {
    text.text = clip(`${text.text}\n${message.mediaUrl}`, MAX_TEXT_LENGTH);
  }
  const items = quickReplyItems(message.quickReplies);
  const last = parts[parts.length - 1];
  if (items.length > 0 && last) last.quickReply = { items };
  return parts;
}

/**
 * Each option a postback button: its id is the data (it comes back as the event's payload), its
 * label is shown in the chat as what the customer said. Past 13 the rest are dropped (the
 * customer can still type them: menus match labels and words).
 */
function quickReplyItems(replies: OutboundMessage['quickReplies']): messagingApi.QuickReplyItem[] {
  return replies.slice(0, MAX_QUICK_REPLIES).map((reply) => ({
    type: 'action',
    action: {
      type: 'postback',
      label: clip(reply.label, MAX_LABEL_LENGTH),
      data: reply.id.slice(0, MAX_POSTBACK_LENGTH),
      displayText: clip(reply.label, MAX_POSTBACK_LENGTH),
    },
  }));
}

/** Cuts to `max` characters (not UTF-16 units: Thai and emoji count as LINE counts them). */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The `X-Line-Retry-Key` for a message: a UUID made from our idempotency key, so a retry of the
 * same message (after a timeout or a crash) carries the same key and LINE sends it once.
 */
export function retryKeyOf(idempotencyKey: string): string {
  const hex = createHash('sha256').update(`line-retry:${idempotencyKey}`).digest('hex');
  // Shaped as a version-4 UUID (version and variant bits set) so LINE's format check passes.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
