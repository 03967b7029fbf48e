import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { signedInPage } from '@/app/lib/signedInPage';

/**
 * What a settings section needs: the locale, the API and the signed-in user (visitors are sent
 * to sign in and back to `path`), and whether that user is an admin. The API refuses
 * non-admins anyway; asking first lets the page explain instead of failing.
 */
export async function settingsPage(searchParams: SearchParams, path: string) {
  const { locale } = await pageParams(searchParams);
  const { api, user } = await signedInPage(locale, path);
  return { locale, api, user, isAdmin: user.role === 'admin' };
}
