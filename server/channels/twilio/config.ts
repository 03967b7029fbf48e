// The Twilio channels' settings, read from the environment once per use. Secrets come only from
// env vars; a missing auth token leaves the webhooks closed (every request is refused).
import { z } from 'zod';

export const TWILIO_PREFIX = '/api/channels/twilio';

const TwilioEnv = z.object({
  TWILIO_ACCOUNT_SID: z.string().trim().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().trim().min(1).optional(),
  TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
  TWILIO_WEBHOOK_BASE_URL: z.url().optional(),
  TWILIO_SMS_FROM: z.string().trim().min(1).optional(),
  TWILIO_HANDOFF_DIAL: z.string().trim().min(1).optional(),
});

export interface TwilioConfig {
  accountSid: string | undefined;
  /** Signs webhooks and authenticates REST calls; unset: webhooks are refused. */
  authToken: string | undefined;
  apiBaseUrl: string;
  /** The public origin Twilio calls (behind a proxy); unset: the request's own URL. */
  webhookBaseUrl: string | undefined;
  smsFrom: string | undefined;
  /** Where a voice handoff is dialled (`sip:…` or a number); unset: `<Enqueue>` on the queue. */
  handoffDial: string | undefined;
}

type Env = Record<string, string | undefined>;

export function twilioConfig(env: Env = process.env): TwilioConfig {
  // Empty values count as unset: `FOO=` in an env file means "not configured".
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('TWILIO_') && value !== undefined && value.trim() !== ''));
  const parsed = TwilioEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') ?? 'TWILIO_*'}: ${issue?.message ?? 'invalid'}`);
  }
  const settings = parsed.data;
  return {
    accountSid: settings.TWILIO_ACCOUNT_SID,
    authToken: settings.TWILIO_AUTH_TOKEN,
    apiBaseUrl: settings.TWILIO_API_BASE_URL.replace(/\/+$/, ''),
    webhookBaseUrl: settings.TWILIO_WEBHOOK_BASE_URL?.replace(/\/+$/, ''),
    smsFrom: settings.TWILIO_SMS_FROM,
    handoffDial: settings.TWILIO_HANDOFF_DIAL,
  };
}


/**
 * The URL Twilio called, as it signed it: the public base (when set) with the request's path and
 * query; else the origin the request names (X-Forwarded-Proto/-Host from a proxy, else Host),
 * since the URL a framework hands over may name the address it listens on (`localhost`) instead.
 * Trusting those headers is safe here: they only choose the URL the signature is checked over,
 * and only Twilio, holding the auth token, can sign one.
 */
export function publicUrl(config: TwilioConfig, request: Pick<Request, 'url' | 'headers'>): string {
  const url = new URL(request.url);
  const first = (name: string) => request.headers.get(name)?.split(',')[0]?.trim() || undefined;
  const origin = config.webhookBaseUrl ?? `${first('x-forwarded-proto') ?? url.protocol.replace(':', '')}://${first('x-forwarded-host') ?? first('host') ?? url.host}`;
  return `${origin}${url.pathname}${url.search}`;
}

/** An absolute URL of one of our Twilio endpoints, on the origin Twilio called (`publicUrl`). */
export function endpointUrl(publicRequestUrl: string, path: string): string {
  return `${new URL(publicRequestUrl).origin}${TWILIO_PREFIX}/${path}`;
}
