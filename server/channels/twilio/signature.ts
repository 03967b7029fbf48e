// Twilio signs every webhook: X-Twilio-Signature is an HMAC of the URL it called and the POSTed
// parameters with the account's auth token. The check is the `twilio` package's own, so the
// rules (sorted parameters, ports in the URL) are Twilio's, not a copy of them.
import twilio from 'twilio';
import { publicUrl, type TwilioConfig } from './config';

export const SIGNATURE_HEADER = 'x-twilio-signature';

/** Whether the request was signed by Twilio with our auth token (false when none is set). */
export function isSignedByTwilio(config: TwilioConfig, requestUrl: string, header: string | null, params: Record<string, string>): boolean {
  if (!config.authToken || !header) return false;
  return twilio.validateRequest(config.authToken, header, publicUrl(config, requestUrl), params);
}

/** The signature Twilio would send for this URL and these parameters (tests, fakes). */
export function signTwilio(url: string, params: Record<string, string>, authToken: string): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
