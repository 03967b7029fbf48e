// A mail as mailparser reads it, turned into what the channel ingests.
import type { AddressObject, ParsedMail } from 'mailparser';
import { messageIdsIn } from './addresses';
import type { InboundMail } from './inbound';

/** `envelopeTo`: the SMTP recipients, which name us even when To does not (Bcc, forwards). */
export function inboundMailOf(parsed: ParsedMail, envelopeTo: string[] = []): InboundMail {
  const sender = parsed.from?.value[0];
  return {
    from: sender?.address ?? '',
    fromName: sender?.name || undefined,
    to: [...new Set([...envelopeTo, ...addresses(parsed.to), ...addresses(parsed.cc)].map((address) => address.toLowerCase()))],
    subject: parsed.subject,
    text: parsed.text,
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
    messageId: parsed.messageId,
    replyTo: [...messageIdsIn(parsed.inReplyTo), ...messageIdsIn(parsed.references).reverse()],
    automatic: isAutomatic(parsed.headers),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address] : [])));
}

/** RFC 3834 Auto-Submitted (anything but `no`) and the old Precedence values of robots. */
function isAutomatic(headers: ParsedMail['headers']): boolean {
  const submitted = String(headers.get('auto-submitted') ?? 'no').trim().toLowerCase();
  const precedence = String(headers.get('precedence') ?? '').trim().toLowerCase();
  return submitted !== 'no' || ['bulk', 'junk', 'auto_reply', 'list'].includes(precedence);
}
