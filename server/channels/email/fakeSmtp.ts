// A stand-in for the outbound mail server, for tests: an SMTP server on 127.0.0.1 that requires
// a user and password and keeps every mail it accepts, parsed by mailparser.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface FakeSmtp {
  url: string;
  port: number;
  received: { envelopeTo: string[]; user: string | undefined; mail: ParsedMail }[];
  close(): Promise<void>;
}

export async function startFakeSmtp(user: string, password: string): Promise<FakeSmtp> {
  const received: FakeSmtp['received'] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((to) => to.address), user: typeof session.user === 'string' ? session.user : undefined, mail });
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the fake SMTP server has no TCP address');
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${address.port}`,
    port: address.port,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
