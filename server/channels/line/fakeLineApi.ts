// A stand-in for LINE's Messaging API on 127.0.0.1, for tests: it checks the bearer token,
// records replies and pushes, takes each reply token once (400 for an unknown, used or expired
// one, as LINE does) and answers 409 to a push whose X-Line-Retry-Key it has accepted before.
import { randomBytes } from 'node:crypto';
import { serveFetch } from '../../http/serveFetch';

export interface LineCall {
  kind: 'reply' | 'push';
  /** The user: the push's `to`, or the user the reply token was issued for. */
  to: string;
  messages: { type: string; text?: string; quickReply?: { items: { action: { type: string; label: string; data: string; displayText: string } }[] } }[];
  retryKey: string | null;
}

export interface FakeLineApi {
  url: string;
  calls: LineCall[];
  profileCalls: string[];
  /** A reply token LINE would put in a webhook event for this user. */
  issueToken(userId: string): string;
  /** LINE's tokens die after about a minute: this one is refused from now on. */
  expire(token: string): void;
  /** The next push is accepted (recorded, its retry key remembered) but answered 500. */
  failAfterAcceptingNextPush(): void;
  close(): Promise<void>;
}

export async function startFakeLineApi(accessToken: string, profiles: Record<string, string> = {}): Promise<FakeLineApi> {
  const calls: LineCall[] = [];
  const profileCalls: string[] = [];
  const tokens = new Map<string, { userId: string; usable: boolean }>();
  const retryKeys = new Set<string>();
  let failNextPush = false;

  const server = await serveFetch(async (request) => {
    if (request.headers.get('authorization') !== `Bearer ${accessToken}`) return Response.json({ message: 'Authentication failed' }, { status: 401 });
    const path = new URL(request.url).pathname;
    const profile = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (profile?.[1] && request.method === 'GET') {
      profileCalls.push(profile[1]);
      return Response.json({ userId: profile[1], displayName: profiles[profile[1]] ?? 'LINE user' });
    }
    if (request.method !== 'POST') return Response.json({ message: 'Not found' }, { status: 404 });
    const body = await request.json();
    if (path === '/v2/bot/message/reply') {
      const token = tokens.get(body.replyToken);
      if (!token?.usable) return Response.json({ message: 'Invalid reply token' }, { status: 400 });
      token.usable = false;
      calls.push({ kind: 'reply', to: token.userId, messages: body.messages, retryKey: null });
      return Response.json({ sentMessages: [] });
    }
    if (path === '/v2/bot/message/push') {
      const retryKey = request.headers.get('x-line-retry-key');
      if (retryKey && retryKeys.has(retryKey)) return Response.json({ message: 'The retry key is already accepted' }, { status: 409 });
      if (retryKey) retryKeys.add(retryKey);
      calls.push({ kind: 'push', to: body.to, messages: body.messages, retryKey });
      if (failNextPush) {
        failNextPush = false;
        return Response.json({ message: 'Internal error' }, { status: 500 });
      }
      return Response.json({ sentMessages: [] });
    }
    return Response.json({ message: 'Not found' }, { status: 404 });
  });

  return {
    url: server.url,
    calls,
    profileCalls,
    issueToken(userId) {
      const token = randomBytes(16).toString('hex');
      tokens.set(token, { userId, usable: true });
      return token;
    },
    expire(token) {
      const entry = tokens.get(token);
      if (entry) entry.usable = false;
    },
    failAfterAcceptingNextPush() {
      failNextPush = true;
    },
    close: () => server.close(),
  };
}
