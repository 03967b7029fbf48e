// Addresses and Message-IDs as the email channel stores and compares them.
import { createHash } from 'node:crypto';

const REPLY_ADDRESS = /^reply\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)$/i;
/** The runtime's message ids are at most this long. */
const MAX_ID_LENGTH = 200;

/** `reply+<conversationId>@<domain>`: mail to it threads into that conversation (its contact's). */
export function replyAddress(conversationId: string, domain: string): string {
  return `reply+${conversationId}@${domain}`;
}

/** The conversation a reply address names, when it is one of ours. */
export function conversationOfReplyAddress(address: string, domains: string[]): string | undefined {
  const [, id, domain] = REPLY_ADDRESS.exec(address.trim()) ?? [];
  if (!id || !domain) return undefined;
  return domains.length === 0 || domains.includes(domain.toLowerCase()) ? id.toLowerCase() : undefined;
}

export function isReplyAddress(address: string): boolean {
  return REPLY_ADDRESS.test(address.trim());
}

/** The domain part, lower-cased. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * A Message-ID as we key it: without angle brackets and spaces. One past 200 characters (rare,
 * but allowed) is replaced by its hash, the same each time it is seen.
 */
export function messageKey(messageId: string): string {
  const bare = messageId.trim().replace(/^<|>$/g, '').trim();
  return bare.length <= MAX_ID_LENGTH ? bare : `sha256:${createHash('sha256').update(bare).digest('hex')}`;
}

/** The Message-IDs in an In-Reply-To or References value (`<a@b> <c@d>`). */
export function messageIdsIn(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values.flatMap((item) => item.match(/<[^<>\s]+>/g) ?? (item.trim() ? [item.trim()] : [])).map(messageKey);
}
