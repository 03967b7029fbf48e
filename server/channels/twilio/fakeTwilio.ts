// A local stand-in for Twilio's REST API (tests, benchmark): `POST /2010-04-01/Accounts/<sid>/
// Messages.json` checks HTTP basic auth against the account it was made for, records the
// message and answers 201 with a fresh SID, as Twilio does; anything else is 404.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | undefined;
  mediaUrl: string | undefined;
}

export interface FakeTwilio {
  url: string;
  /** Messages accepted, in order. */
  messages: FakeSms[];
  /** Requests refused for their credentials. */
  refused: number;
  /** Resolves when `count` messages have been accepted (or rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<FakeSms[]>;
  close(): Promise<void>;
}

export async function startFakeTwilio(accountSid: string, authToken: string): Promise<FakeTwilio> {
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const fake: Omit<FakeTwilio, 'url' | 'close' | 'waitForMessages'> = { messages: [], refused: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) return send(404, { code: 20404, message: 'The requested resource was not found' });
      if (req.headers.authorization !== expected) {
        fake.refused++;
        return send(401, { code: 20003, message: 'Authenticate' });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const to = form.get('To');
      const from = form.get('From');
      const body = form.get('Body');
      if (!to || !from || body === null) return send(400, { code: 21604, message: "A 'To', 'From' and 'Body' are required" });
      const sid = `SM${randomBytes(16).toString('hex')}`;
      fake.messages.push({ sid, to, from, body, statusCallback: form.get('StatusCallback') ?? undefined, mediaUrl: form.get('MediaUrl') ?? undefined });
      send(201, { sid, status: 'queued', to, from, body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the fake Twilio has no TCP address');
  return Object.assign(fake, {
    url: `http://127.0.0.1:${address.port}`,
    async waitForMessages(count: number, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} SMS at the fake Twilio, got ${fake.messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return fake.messages;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}
