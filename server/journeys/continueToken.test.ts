import { describe, expect, it } from 'vitest';
import { continueLinkServices } from './continueLinks';
import { signContinueToken, verifyContinueToken } from './continueToken';

const SECRET = 'a'.repeat(32);
const claims = {
  conversationId: '0b6f3c1e-8d7a-4f2b-9c1d-2e3f4a5b6c7d',
  contactId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  channel: 'webchat' as const,
  expiresAt: new Date('2026-03-03T03:00:00Z'),
};
const before = new Date('2026-03-02T03:00:00Z');

describe('continue tokens', () => {
  it('round-trips the claims, compact and url-safe', () => {
    const token = signContinueToken(claims, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]{72}$/);
    expect(verifyContinueToken(token, SECRET, before)).toEqual({ ok: true, claims });
  });

  it('is the same token for the same claims: a replayed step makes the same link', () => {
    expect(signContinueToken(claims, SECRET)).toBe(signContinueToken({ ...claims }, SECRET));
  });

  it('refuses an expired token, at the second it expires', () => {
    const token = signContinueToken(claims, SECRET);
    expect(verifyContinueToken(token, SECRET, new Date('2026-03-03T02:59:59Z')).ok).toBe(true);
    expect(verifyContinueToken(token, SECRET, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token with any byte changed, or signed with another secret', () => {
    const token = signContinueToken(claims, SECRET);
    const raw = Buffer.from(token, 'base64url');
    for (const index of [1, 20, 33, 36, raw.length - 1]) {
      const changed = Buffer.from(raw);
      changed[index] = (changed[index] ?? 0) ^ 1;
      const result = verifyContinueToken(changed.toString('base64url'), SECRET, before);
      expect(result.ok, `byte ${index}`).toBe(false);
    }
    // A later expiry written in is caught by the MAC, not honoured.
    const extended = Buffer.from(raw);
    extended.writeUInt32BE(extended.readUInt32BE(34) + 86_400, 34);
    expect(verifyContinueToken(extended.toString('base64url'), SECRET, before)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyContinueToken(token, 'b'.repeat(32), before)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('calls anything that is not a token malformed', () => {
    for (const token of ['', 'abc', 'x'.repeat(300), 'not a token!', signContinueToken(claims, SECRET).slice(0, -2)]) {
      expect(verifyContinueToken(token, SECRET, before)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe('continue links', () => {
  const services = continueLinkServices(SECRET, 'https://switchboard.example/');
  const args = { conversationId: claims.conversationId, contact: { id: claims.contactId }, expiresAt: claims.expiresAt.toISOString() };

  it('links web chat to /chat/continue/<token> under the public url', () => {
    const link = services.continueLink({ ...args, channel: 'webchat' });
    const token = /^https:\/\/switchboard\.example\/chat\/continue\/([A-Za-z0-9_-]+)$/.exec(link)?.[1] ?? '';
    expect(verifyContinueToken(token, SECRET, before)).toEqual({ ok: true, claims });
  });

  it('gives no link for channels a customer continues on by writing to us', () => {
    for (const channel of ['sms', 'voice', 'line', 'email', 'api'] as const) expect(services.continueLink({ ...args, channel })).toBe('');
  });
});
