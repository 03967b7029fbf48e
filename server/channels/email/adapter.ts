// Sends our messages as mail over SMTP (nodemailer): From EMAIL_FROM, Reply-To the
// conversation's reply address, the thread's subject, In-Reply-To / References the thread's
// Message-IDs so mail clients keep one thread.
//
// Idempotency: the Message-ID is derived from the outbox item's idempotency key, and a row for
// it is written before the SMTP hand-over and marked `sent` after. A retry finding `sent`
// sends nothing. The residual window: a crash (or a lost connection) after the SMTP server
// accepted the mail and before `sent` was written sends it again on retry, with the same
// Message-ID, which most mail stores and clients use to show it once.
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { Database } from '../../db/client';
import { contactIdentities, contacts, conversations, emailOutbound, flows } from '../../db/schema';
import { SEND_TIMEOUT_MS, type ChannelAdapter, type OutboundMessage } from '../../runtime/adapters';
import { domainOf, replyAddress } from './addresses';
import { composeMail, replySubject } from './compose';
import { emailConfig } from './config';
import { inboundOf, outboundOf } from './thread';

export interface EmailAdapterOptions {
  db: Database;
  smtpUrl: string;
  /** `Name <address>` or an address. */
  from: string;
  /** Our inbound domains; the first makes Reply-To and Message-IDs (else From's domain). */
  domains: string[];
}

/** How many earlier Message-IDs References lists (the newest): enough for clients to thread. */
const MAX_REFERENCES = 20;

/** The email adapter when SMTP_URL and EMAIL_FROM are set; undefined otherwise. */
export function emailAdapterFromEnv(db: Database, env: Record<string, string | undefined>): ChannelAdapter | undefined {
  const config = emailConfig(env);
  return config.smtpUrl && config.from ? emailAdapter({ db, smtpUrl: config.smtpUrl, from: config.from, domains: config.domains }) : undefined;
}

export function emailAdapter(options: EmailAdapterOptions): ChannelAdapter {
  const transport = createTransport({ url: options.smtpUrl, connectionTimeout: 4_000, greetingTimeout: 4_000, socketTimeout: SEND_TIMEOUT_MS - 2_000 });
  const fromAddress = addressparser(options.from, { flatten: true })[0]?.address;
  if (!fromAddress) throw new Error(`EMAIL_FROM is not an address: "${options.from}"`);
  const domain = options.domains[0] ?? domainOf(fromAddress);
  return {
    async send(message) {
      const messageId = messageIdOf(message.idempotencyKey, domain);
      const envelope = await envelopeFor(options.db, message, messageId);
      if (envelope.sent) return;
      const thread = await threadHeaders(options.db, message.conversationId, messageId);
      const body = composeMail(message);
      await transport.sendMail({
        from: options.from,
        to: envelope.to,
        replyTo: replyAddress(message.conversationId, domain),
        subject: envelope.subject,
        messageId: `<${messageId}>`,
        ...thread,
        text: body.text,
        html: body.html,
      });
      await options.db.update(emailOutbound).set({ status: 'sent', sentAt: sql`now()` }).where(eq(emailOutbound.messageId, messageId));
    },
  };
}

/** A Message-ID that is the same for every attempt at one outbox item. */
export function messageIdOf(idempotencyKey: string, domain: string): string {
  return `${createHash('sha256').update(`email:${idempotencyKey}`).digest('hex').slice(0, 40)}@${domain}`;
}

/**
 * Recipient and subject, fixed by the first attempt (its row) so a retry sends the same mail;
 * `sent` when an earlier attempt finished.
 */
async function envelopeFor(db: Database, message: OutboundMessage, messageId: string): Promise<{ to: string; subject: string; sent: boolean }> {
  const [earlier] = await db.select().from(emailOutbound).where(eq(emailOutbound.messageId, messageId));
  if (earlier) return { to: earlier.toAddress, subject: earlier.subject, sent: earlier.status === 'sent' };
  const to = await recipientOf(db, message.conversationId);
  if (!to) throw new Error('the conversation’s contact has no email address');
  const subject = await subjectOf(db, message.conversationId);
  await db.insert(emailOutbound).values({ messageId, conversationId: message.conversationId, toAddress: to, subject }).onConflictDoNothing();
  return { to, subject, sent: false };
}

/** The address the customer last wrote from in this conversation, else the contact's. */
async function recipientOf(db: Database, conversationId: string): Promise<string | undefined> {
  const inbound = await inboundOf(db, conversationId);
  const last = inbound[inbound.length - 1];
  if (last) return last.fromAddress;
  const [contact] = await db
    .select({ identity: contactIdentities.address, email: contacts.email })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .leftJoin(contactIdentities, and(eq(contactIdentities.contactId, contacts.id), eq(contactIdentities.channel, 'email')))
    .where(eq(conversations.id, conversationId))
    .orderBy(desc(contactIdentities.createdAt))
    .limit(1);
  return contact?.identity ?? contact?.email ?? undefined;
}

/** The thread keeps one subject: ours so far, else "Re: " the customer's first, else the flow's name. */
async function subjectOf(db: Database, conversationId: string): Promise<string> {
  const [ours] = await outboundOf(db, conversationId);
  if (ours) return ours.subject;
  const [theirs] = (await inboundOf(db, conversationId)).filter((mail) => mail.subject?.trim());
  if (theirs?.subject) return replySubject(theirs.subject);
  const [flow] = await db.select({ name: flows.name }).from(conversations).innerJoin(flows, eq(flows.id, conversations.flowId)).where(eq(conversations.id, conversationId));
  return flow?.name ?? 'Your conversation';
}

/** In-Reply-To the customer's last mail; References the thread's Message-IDs, oldest first. */
async function threadHeaders(db: Database, conversationId: string, own: string): Promise<{ inReplyTo?: string; references?: string[] }> {
  const inbound = await inboundOf(db, conversationId);
  const outbound = (await outboundOf(db, conversationId)).filter((mail) => mail.messageId !== own);
  const all = [...inbound.map((mail) => ({ id: mail.messageId, at: mail.receivedAt })), ...outbound.map((mail) => ({ id: mail.messageId, at: mail.createdAt }))]
    .filter((mail) => !mail.id.startsWith('content:') && !mail.id.startsWith('sha256:'))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-MAX_REFERENCES)
    .map((mail) => `<${mail.id}>`);
  const last = inbound.filter((mail) => !mail.messageId.startsWith('content:') && !mail.messageId.startsWith('sha256:')).pop();
  return { ...(last ? { inReplyTo: `<${last.messageId}>` } : {}), ...(all.length > 0 ? { references: all } : {}) };
}
