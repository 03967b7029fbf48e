// Small formatting helpers of the desktop: channel names, waits, times, API errors as toasts.
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import type { Presence } from './deskTypes';

const CHANNEL_KEYS: Record<string, MessageKey> = {
  webchat: 'deskChannelWebchat',
  voice: 'deskChannelVoice',
  // Identities: calls and texts share the number (server/contacts/identities.ts).
  phone: 'deskChannelPhone',
  sms: 'deskChannelSms',
  line: 'deskChannelLine',
  email: 'deskChannelEmail',
  api: 'deskChannelApi',
};

export function channelName(locale: Locale, channel: string): string {
  const key = CHANNEL_KEYS[channel];
  return key ? t(locale, key) : channel;
}

const PRESENCE_KEYS: Record<Presence, MessageKey> = {
  available: 'deskPresenceAvailable',
  busy: 'deskPresenceBusy',
  away: 'deskPresenceAway',
  offline: 'deskPresenceOffline',
};

export function presenceName(locale: Locale, presence: Presence): string {
  return t(locale, PRESENCE_KEYS[presence]);
}

/** A wait as a clock: `0:42`, `12:05`, `1:02:09`. The same in every language. */
export function waitClock(fromIso: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - new Date(fromIso).getTime()) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A duration in seconds as `42s`, `3m 05s`, `1h 02m`. */
export function shortDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', th: 'th-TH' };

export function timeOfDay(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { timeStyle: 'short' }).format(new Date(iso));
}

export function dayOf(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'medium' }).format(new Date(iso));
}

export function dateTime(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** What a failed call tells the agent. */
export function errorText(locale: Locale, error: unknown): string {
  const { code } = apiError(error);
  if (code === 'FORBIDDEN') return t(locale, 'deskErrorForbidden');
  if (code === 'PRECONDITION_FAILED' || code === 'CONFLICT') {
    return t(locale, 'deskErrorPrecondition', { message: error instanceof Error ? error.message : '' });
  }
  if (code === 'BAD_REQUEST' && error instanceof Error) return error.message;
  return t(locale, 'deskErrorGeneric');
}
