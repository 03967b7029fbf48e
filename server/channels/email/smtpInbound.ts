// Our inbound SMTP server: mail for our domains is parsed and ingested before the 250 that
// tells the sender it is ours; a failure to store answers 451 so the sender tries again.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { UserError } from '../../errors';
import { errorFields, log } from '../../log';
import { domainOf } from './addresses';
import type { EmailConfig } from './config';
import { receiveMail, type MailServices } from './inbound';
import { inboundMailOf } from './parsed';

const MAX_SIZE = 10 * 1024 * 1024;

export interface SmtpInbound {
  port: number;
  close(): Promise<void>;
}

/** An error smtp-server answers with its own reply code. */
class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSmtpInbound(services: MailServices, config: EmailConfig, port = config.inboundPort ?? 0): Promise<SmtpInbound> {
  const auth = config.inboundUser && config.inboundPassword ? { user: config.inboundUser, password: config.inboundPassword } : undefined;
  const options: SMTPServerOptions = {
    name: config.domains[0] ?? 'switchboard',
    banner: 'Switchboard',
    size: MAX_SIZE,
    logger: false,
    // No certificate is configured: put a TLS-terminating relay in front for the open internet.
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.password) callback(null, { user: auth.user });
      else callback(new SmtpReply(535, 'Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      const ours = config.domains.length === 0 || config.domains.includes(domainOf(address.address));
      callback(ours ? null : new SmtpReply(550, `We do not accept mail for ${address.address}`));
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((recipient) => recipient.address);
      simpleParser(stream)
        .then((parsed) => {
          // smtp-server announces the limit and stops buffering past it; the mail is refused.
          if (stream.sizeExceeded) throw new SmtpReply(552, `Message exceeds the size limit of ${MAX_SIZE} bytes`);
          return receiveMail(services, inboundMailOf(parsed, envelopeTo), config.domains);
        })
        .then(
          () => callback(null, 'Stored'),
          (error: unknown) => callback(replyFor(error)),
        );
    },
  };
  const server = new SMTPServer(options);
  server.on('error', (error) => log.warn({ channel: 'email', ...errorFields(error) }, 'SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.inboundHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address: AddressInfo | string | null = server.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the SMTP server has no TCP address');
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A mail no journey takes (no flow bound, a bad sender) bounces; anything else is retried. */
function replyFor(error: unknown): SmtpReply {
  if (error instanceof SmtpReply) return error;
  if (error instanceof UserError) return new SmtpReply(550, error.message);
  log.error({ channel: 'email', ...errorFields(error) }, 'storing an inbound mail failed');
  return new SmtpReply(451, 'Could not store the message; try again later');
}
