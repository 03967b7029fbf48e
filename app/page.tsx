import { FlowsList } from '@/app/flows-list/FlowsList';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { signedInPage } from '@/app/lib/signedInPage';
import { SignedInBar } from '@/app/ui/SignedInBar';

/** Home: every flow, with the actions the signed-in role allows. */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { locale } = await pageParams(searchParams);
  const { api, user } = await signedInPage(locale, '/');
  const flows = await api.flows.list({ includeArchived: true });
  const canWrite = user.role === 'admin' || user.role === 'designer';

  return (
    <div className="shell" lang={locale}>
      <SignedInBar locale={locale} user={user} path="/" />
      <main className="content">
        <FlowsList locale={locale} canWrite={canWrite} initialFlows={flows} />
      </main>
    </div>
  );
}
