import { t, type MessageKey } from '@/app/i18n/messages';
import { pageParams, type SearchParams } from '@/app/lib/pageParams';
import { LanguageSwitcher } from '@/app/ui/LanguageSwitcher';
import { TopBar } from '@/app/ui/TopBar';
import { continueTarget, type ContinueTarget } from '@/server/journeys/continueTarget';
import { getServices } from '@/server/services';
import styles from '../continue.module.css';
import { WidgetEmbed } from '../../WidgetEmbed';

export const dynamic = 'force-dynamic';

const PROBLEMS: Record<Exclude<ContinueTarget['state'], 'ok'>, [MessageKey, MessageKey]> = {
  expired: ['continueExpiredTitle', 'continueExpiredBody'],
  invalid: ['continueInvalidTitle', 'continueInvalidBody'],
  ended: ['continueEndedTitle', 'continueEndedBody'],
  'no-chat': ['continueNoChatTitle', 'continueNoChatBody'],
};

/** A continue link from another channel (an SMS): the web chat, already in the customer's journey. Public. */
export default async function ContinuePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  const [{ token }, { locale }] = await Promise.all([params, pageParams(searchParams)]);
  const services = await getServices();
  const target = await continueTarget(services.db, services.linkSecret, token, new Date());
  const problem = target.state === 'ok' ? undefined : PROBLEMS[target.state];
  return (
    <div className="shell" lang={locale}>
      <TopBar locale={locale}>
        <LanguageSwitcher current={locale} path={`/chat/continue/${encodeURIComponent(token)}`} />
      </TopBar>
      <main className="content">
        <section className={styles.intro} role={problem ? 'alert' : undefined} data-continue-state={target.state}>
          <div className="section-head">
            <h1>{t(locale, problem ? problem[0] : 'continueTitle')}</h1>
          </div>
          <p className="muted">{t(locale, problem ? problem[1] : 'continueIntro')}</p>
        </section>
      </main>
      {target.state === 'ok' && <WidgetEmbed src="/widget.js" widgetKey={target.key} locale={locale} continueToken={token} />}
    </div>
  );
}
