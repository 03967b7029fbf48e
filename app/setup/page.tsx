import { redirect } from 'next/navigation';
import { t } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { serverApi } from '@/app/lib/serverApi';
import { AuthShell } from '@/app/ui/AuthShell';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/auth';
import { SetupForm } from './SetupForm';

/** First visit on a fresh install: create the owner. Once there is one, this page is gone. */
export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale } = await pageParams(searchParams);
  const { api, user } = await serverApi();
  const { needsOwner } = await api.setup.status();
  if (!needsOwner) redirect(localePath(user ? '/' : '/sign-in', locale));

  return (
    <AuthShell locale={locale} path="/setup" title={t(locale, 'setupTitle')} intro={t(locale, 'setupIntro')}>
      <SetupForm locale={locale} minPasswordLength={PASSWORD_MIN_LENGTH} />
    </AuthShell>
  );
}
