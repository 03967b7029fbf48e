import type { Locale } from '@/app/i18n/messages';

/**
 * A link to `path` that keeps the reader's language: English is the default and adds nothing,
 * any other locale adds `?lang=`. Other query parameters are kept when given.
 *
 * @example localePath('/sign-in', 'th', { next: '/flows' }) // → '/sign-in?next=%2Fflows&lang=th'
 */
export function localePath(
  path: string,
  locale: Locale,
  params: Record<string, string | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.set(name, value);
  }
  if (locale !== 'en') query.set('lang', locale);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
