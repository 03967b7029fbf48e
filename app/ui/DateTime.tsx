import type { Locale } from '@/app/i18n/messages';

/** Dates in the reader's language; Thai readers get the Buddhist-era year they expect. */
const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', th: 'th-TH' };

/**
 * A date and time from the API (an ISO string). Client components render it on the server
 * and again in the browser, whose time zone may differ: that one text may differ on hydration.
 */
export function DateTime({ locale, iso }: { locale: Locale; iso: string }) {
  const formatted = new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {formatted}
    </time>
  );
}
