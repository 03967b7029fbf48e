// The Twilio channels' adapters, registered by `defaultAdapters` when their settings are there:
// `voice` once webhooks can be verified (TWILIO_AUTH_TOKEN); its messages are read from the
// transcript by the voice webhook, which says them as TwiML, so committing one delivers it.
// `sms` once the REST API can be called (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN).
import type { Database } from '../../db/client';
import { transcriptAdapter, type Channel, type ChannelAdapter } from '../../runtime/adapters';
import { twilioConfig } from './config';
import { smsAccount, twilioSmsAdapter } from './smsAdapter';

export function twilioAdapters(env: Record<string, string | undefined>, db: Database): Partial<Record<Channel, ChannelAdapter>> {
  const config = twilioConfig(env);
  const account = smsAccount(config);
  return {
    ...(config.authToken ? { voice: transcriptAdapter } : {}),
    ...(account ? { sms: twilioSmsAdapter(db, account) } : {}),
  };
}
