import { t } from '@/app/i18n/messages';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { signedInPage } from '@/app/lib/signedInPage';
import { FlowCard } from '@/app/ui/FlowCard';
import { SignedInBar } from '@/app/ui/SignedInBar';

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { locale } = await pageParams(searchParams);
  const { api, user } = await signedInPage(locale, '/');
  const flows = await api.flows.list();
  const countKey = flows.length === 1 ? 'flowCountOne' : 'flowCountOther';

  return (
    <div className="shell" lang={locale}>
      <SignedInBar locale={locale} user={user} path="/" />

      <main className="content">
        <div className="section-head">
          <h1>{t(locale, 'flowsHeading')}</h1>
          <span className="count">{t(locale, countKey, { count: flows.length })}</span>
        </div>
        <p className="muted">{t(locale, 'flowsIntro')}</p>

        {flows.length === 0 ? (
          <div className="empty">
            <h2>{t(locale, 'flowsEmptyTitle')}</h2>
            <p className="muted">{t(locale, 'flowsEmptyBody')}</p>
          </div>
        ) : (
          <ul className="flow-grid">
            {flows.map((flow) => (
              <FlowCard key={flow.id} locale={locale} flow={flow} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
