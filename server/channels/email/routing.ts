// Where an inbound mail goes. The runtime routes by identity: mail from an address reaches the
// open conversation of the contact that address belongs to. Threading adds one thing: a reply
// to one of our mails (In-Reply-To / References naming a Message-ID of the thread, or our
// per-conversation reply address in To) keeps the thread's inbox, so a reply after the
// conversation ended starts the next one on the flow the thread started on, not on whatever
// answers the reply address.
//
// A thread never overrides identity. If the thread's conversation belongs to another contact
// (a forwarded mail, a colleague answering, someone guessing reply addresses), the mail is a
// new inbound from its sender: following the thread would let anyone who knows a Message-ID
// or reply address write into, and read the answers of, another customer's conversation.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { contactIdentities, conversations } from '../../db/schema';
import { log } from '../../log';
import { conversationOfReplyAddress, domainOf, isReplyAddress } from './addresses';
import { conversationOfMessageIds, inboundOf } from './thread';

export interface MailRoute {
  /** The inbox the conversation answers (the event's `to`, which bindings match). */
  inbox: string | undefined;
  /** The sender's own conversation this mail answers, when it answers one. */
  thread: string | undefined;
}

export interface RoutableMail {
  from: string;
  to: string[];
  /** In-Reply-To first, then References from the newest. */
  replyTo: string[];
}

export async function routeMail(db: Database, mail: RoutableMail, domains: string[]): Promise<MailRoute> {
  const addressed = mail.to.find((address) => !isReplyAddress(address) && (domains.length === 0 || domains.includes(domainOf(address))));
  const candidate = await threadCandidate(db, mail, domains);
  if (!candidate) return { inbox: addressed, thread: undefined };
  if (!(await belongsToSender(db, candidate, mail.from))) {
    log.info({ channel: 'email', conversationId: candidate }, 'a reply to another contact’s conversation: treated as a new mail from its sender');
    return { inbox: addressed, thread: undefined };
  }
  const [first] = await inboundOf(db, candidate);
  return { inbox: first?.inbox ?? addressed, thread: candidate };
}

/** The conversation the mail says it answers: by reply address, then by Message-IDs. */
async function threadCandidate(db: Database, mail: RoutableMail, domains: string[]): Promise<string | undefined> {
  for (const address of mail.to) {
    const id = conversationOfReplyAddress(address, domains);
    if (id) return id;
  }
  return conversationOfMessageIds(db, mail.replyTo);
}

/** The conversation's contact has the sender's address as an email identity. */
async function belongsToSender(db: Database, conversationId: string, sender: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contactIdentities, and(eq(contactIdentities.contactId, conversations.contactId), eq(contactIdentities.channel, 'email'), eq(contactIdentities.address, sender)))
    .where(eq(conversations.id, conversationId));
  return row !== undefined;
}
