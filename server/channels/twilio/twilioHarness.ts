// The Twilio webhooks served over HTTP on a test database, with a fake Twilio REST API on
// 127.0.0.1 and the TWILIO_* settings pointing at it; webhooks are signed as Twilio signs them.
// Shared by the Twilio test files and the voice benchmark.
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { events } from '../../db/schema';
import { startApi, type ApiHarness, type ApiOptions } from '../../testing/apiHarness';
import type { DatabaseKind } from '../../testing/database';
import { TWILIO_PREFIX } from './config';
import { startFakeTwilio, type FakeTwilio } from './fakeTwilio';
import { SIGNATURE_HEADER, signTwilio } from './signature';

export { signTwilio };

export const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const AUTH_TOKEN = 'twilio-test-auth-token-0123456789';
/** Our Twilio number callers dial and text. */
export const OUR_NUMBER = '+6621234567';

export interface WebhookAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

export interface TwilioHarness {
  api: ApiHarness;
  db: Database;
  fake: FakeTwilio;
  /** The URL of one of our Twilio endpoints on the test server (`voice/gather?step=1`). */
  endpoint(path: string): string;
  /**
   * POSTs a webhook signed with the account's token (or `signature`, when given) over `signedUrl`
   * (default: the URL posted to).
   */
  post(path: string, params: Record<string, string>, options?: { signature?: string | null; signedUrl?: string; headers?: Record<string, string> }): Promise<WebhookAnswer>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startTwilio(kind: DatabaseKind, options: ApiOptions = {}): Promise<TwilioHarness> {
  const fake = await startFakeTwilio(ACCOUNT_SID, AUTH_TOKEN);
  // Read by the runtime's adapters when it starts and by the webhooks on each request.
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_BASE_URL: fake.url });
  for (const name of ['TWILIO_WEBHOOK_BASE_URL', 'TWILIO_SMS_FROM', 'TWILIO_HANDOFF_DIAL']) delete process.env[name];
  const api = await startApi(kind, options);
  const endpoint = (path: string) => `${api.url}${TWILIO_PREFIX}/${path}`;
  return {
    api,
    db: api.services.db,
    fake,
    endpoint,
    post: async (path, params, { signature, signedUrl, headers: extra } = {}) => {
      const url = endpoint(path);
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...extra };
      const signed = signature === undefined ? signTwilio(signedUrl ?? url, params, AUTH_TOKEN) : signature;
      if (signed !== null) headers[SIGNATURE_HEADER] = signed;
      const response = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
      return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
    },
    eventCount: async () => (await api.services.db.select({ n: count() }).from(events))[0]?.n ?? 0,
    close: async () => {
      await api.close();
      await fake.close();
    },
  };
}

/** A fresh Twilio-like id: `CA…` for calls, `SM…` for messages. */
export function twilioSid(prefix: 'CA' | 'SM'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}
