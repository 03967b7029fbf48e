// Twilio signs every webhook: X-Twilio-Signature is an HMAC of the URL it called and the POSTed
// parameters with the account's auth token. The check is the `twilio` package's own, so the
// rules (sorted parameters, ports in the URL) are Twilio's, not a copy of them.
// The webhooks module alone: the package's index would also load every REST client.
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks';
import type { TwilioConfig } from './config';

export const SIGNATURE_HEADER = 'x-twilio-signature';

/** Whether Twilio signed this call of `url` (see `publicUrl`) with our auth token (false when none is set). */
export function isSignedByTwilio(config: TwilioConfig, url: string, header: string | null, params: Record<string, string>): boolean {
  if (!config.authToken || !header) return false;
  return validateRequest(config.authToken, header, url, params);
}

/** The signature Twilio would send for this URL and these parameters (tests, fakes). */
export function signTwilio(url: string, params: Record<string, string>, authToken: string): string {
  return getExpectedTwilioSignature(authToken, url, params);
}
