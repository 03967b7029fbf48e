// One ingestion path for mail, whether our SMTP server received it or a provider's
// inbound-parse webhook posted it: the new text of the mail (quotes stripped) goes to the
// runtime as an `email` event from the sender, with the Message-ID as the message id, so a
// replayed mail is applied once.
import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';
import { z } from 'zod';
import type { Database } from '../../db/client';
import { emailInbound } from '../../db/schema';
import type { Ingested } from '../../runtime/ingest';
import type { Runtime } from '../../runtime/runtime';
import { UserError } from '../../errors';
import { messageKey } from './addresses';
import { stripQuotedReply } from './quotes';
import { routeMail } from './routing';

export interface InboundMail {
  from: string;
  fromName?: string | undefined;
  /** To and Cc addresses. */
  to: string[];
  subject?: string | undefined;
  text?: string | undefined;
  html?: string | undefined;
  messageId?: string | undefined;
  /** In-Reply-To first, then References from the newest (keys as `messageKey` makes them). */
  replyTo: string[];
  /** An auto-reply or bounce (Auto-Submitted, Precedence): never answered, or bots loop. */
  automatic?: boolean;
}

export interface MailServices {
  db: Database;
  runtime: Runtime;
}

const Sender = z.email().max(320);

/** Stores the mail as an event; undefined when it is not for a journey (an automatic reply). */
export async function receiveMail(services: MailServices, mail: InboundMail, domains: string[]): Promise<Ingested | undefined> {
  if (mail.automatic) return undefined;
  const sender = Sender.safeParse(mail.from.trim().toLowerCase());
  if (!sender.success) throw new UserError('invalid', `The sender "${mail.from}" is not an email address.`, { issues: [{ path: 'from', message: 'not an email address' }] });
  const from = sender.data;
  const text = stripQuotedReply(mail.text?.trim() ? mail.text : htmlText(mail.html));
  const messageId = mail.messageId ? messageKey(mail.messageId) : contentId(mail, from);
  const route = await routeMail(services.db, { from, to: mail.to.map((address) => address.toLowerCase()), replyTo: mail.replyTo }, domains);
  await services.db
    .insert(emailInbound)
    .values({ messageId, fromAddress: from, inbox: route.inbox ?? null, subject: mail.subject?.slice(0, 500) ?? null })
    .onConflictDoNothing();
  const name = mail.fromName?.trim().slice(0, 200);
  return services.runtime.ingest({
    channel: 'email',
    from,
    ...(route.inbox ? { to: route.inbox } : {}),
    text: text.slice(0, 10_000),
    messageId,
    contact: { email: from, ...(name ? { name } : {}) },
  });
}

/** A mail with only an HTML part: its text as a reader sees it (links as `text [url]`). */
function htmlText(html: string | undefined): string {
  return html ? convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }) : '';
}

/** A mail without a Message-ID (rare: webhooks that drop headers) is known by its content. */
function contentId(mail: InboundMail, from: string): string {
  const digest = createHash('sha256').update(JSON.stringify([from, mail.to, mail.subject ?? '', mail.text ?? '', mail.html ?? ''])).digest('hex');
  return `content:${digest}`;
}
