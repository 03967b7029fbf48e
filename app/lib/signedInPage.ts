import { redirect } from 'next/navigation';
import type { Locale } from '@/app/i18n/messages';
import { localePath } from './localePath';
import { serverApi } from './serverApi';

/**
 * The API and user for a page that needs someone signed in. Everyone else is sent away: to
 * `/setup` while the install has no owner, otherwise to `/sign-in`, which comes back to `path`.
 */
export async function signedInPage(locale: Locale, path: string) {
  const { api, user } = await serverApi();
  if (!user) {
    const { needsOwner } = await api.setup.status();
    if (needsOwner) redirect(localePath('/setup', locale));
    redirect(localePath('/sign-in', locale, { next: path === '/' ? undefined : path }));
  }
  return { api, user };
}
