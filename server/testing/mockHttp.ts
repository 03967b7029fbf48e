// A local stand-in for the APIs flows call, answering from a journey's `mocks.http` with the
// simulator's own matcher, so an example journey replayed against the real runtime sees the
// answers the simulator would give. The runtime's URL rewriter sends every mocked origin here
// with the origin kept in the path (`https://crm.example/x` → `<mock>/https/crm.example/x`),
// and the original URL is rebuilt from it before matching.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerFromMocks, type HttpMock } from '@/flows/simulate/mocks';

export interface MockHttpServer {
  url: string;
  /** SWITCHBOARD_HTTP_REWRITE rules (`from=to,…`) that send each origin to this server. */
  rewrites(origins: Iterable<string>): string;
  /** Answers from these mocks from now on, with fresh `times` counts; forgets earlier calls. */
  use(mocks: readonly HttpMock[]): void;
  /** Requests received and not answered yet. */
  inFlight(): number;
  /** Requests received since the server started. */
  calls(): number;
  /** Calls no mock matched since `use`, as `METHOD url`. */
  unmatched(): string[];
  close(): Promise<void>;
}

export async function startMockHttp(): Promise<MockHttpServer> {
  let mocks: readonly HttpMock[] = [];
  let used = new Map<HttpMock, number>();
  let unmatched: string[] = [];
  let inFlight = 0;
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    inFlight++;
    res.on('close', () => inFlight--);
    const url = originalUrl(req.url ?? '/');
    const method = req.method ?? 'GET';
    const answer = url === undefined ? undefined : answerFromMocks(mocks, method, url, used);
    if (!answer) {
      unmatched.push(`${method} ${url ?? req.url}`);
      return reply(res, 501, { error: 'no HTTP mock matches this call' });
    }
    // The simulator turns `error: timeout | network` into an HTTP_RESULT with status 0 and an
    // error at once. Dropping the connection without an answer makes the runtime's fetch fail
    // the same way (status 0, an error), where waiting out a timeout would cost the node's whole
    // timeout (5–15 s) per call; http nodes route every error to `error` and never read its text.
    if (answer.error !== undefined) return void req.socket.destroy();
    reply(res, answer.status, answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the mock server has no TCP address');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    rewrites: (origins) => [...new Set(origins)].map((origin) => `${origin}=${base}/${origin.replace('://', '/')}`).join(','),
    use: (next) => {
      mocks = next;
      used = new Map();
      unmatched = [];
    },
    inFlight: () => inFlight,
    calls: () => calls,
    unmatched: () => [...unmatched],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `/https/crm.example/customers?x=1` → `https://crm.example/customers?x=1`. */
function originalUrl(path: string): string | undefined {
  const match = /^\/(https?)\/([^/?#]+)(.*)$/.exec(path);
  return match ? `${match[1]}://${match[2]}${match[3]}` : undefined;
}

/** A mock's `json` or `body`: text as it is, anything else as JSON (like the simulator's body). */
function reply(res: ServerResponse<IncomingMessage>, status: number, body: unknown): void {
  if (body === undefined) return void res.writeHead(status).end();
  const text = typeof body === 'string';
  res.writeHead(status, { 'content-type': text ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text ? body : JSON.stringify(body));
}

/** The origin (`https://host[:port]`) of an absolute URL or URL template, if it has one. */
export function originOf(url: string): string | undefined {
  return /^(https?:\/\/[^/?#{}\s]+)/.exec(url)?.[1];
}
