import { redirect } from 'next/navigation';
import { t } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { safeNextPath } from '@/app/lib/safeNextPath';
import { serverApi } from '@/app/lib/serverApi';
import { AuthShell } from '@/app/ui/AuthShell';
import { SignInForm } from './SignInForm';

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, query } = await pageParams(searchParams);
  const nextParam = safeNextPath(query.next);
  const next = nextParam ?? localePath('/', locale);
  const { api, user } = await serverApi();
  if (user) redirect(next);
  const { needsOwner } = await api.setup.status();
  if (needsOwner) redirect(localePath('/setup', locale));

  return (
    <AuthShell
      locale={locale}
      path="/sign-in"
      params={{ next: nextParam }}
      title={t(locale, 'signInTitle')}
      intro={t(locale, 'signInIntro')}
    >
      <SignInForm locale={locale} next={next} />
    </AuthShell>
  );
}
