import Image from 'next/image';
import Link from 'next/link';
import { locales, t, toLocale, type Locale, type MessageKey } from '@/app/i18n/messages';
import {
  exampleFlows,
  type ExampleFlowProblem,
  type ExampleFlowSummary,
} from '@/server/flows/exampleFlows';

// The example folder is read on every request so new files show up without a rebuild.
export const dynamic = 'force-dynamic';

const EXAMPLES_DIR_LABEL = 'flows/examples';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const locale = toLocale((await searchParams).lang);
  const { flows, problems } = await exampleFlows();
  const countKey = flows.length === 1 ? 'flowCountOne' : 'flowCountOther';

  return (
    <div className="shell" lang={locale}>
      <header className="topbar">
        <div className="brand">
          <Image src="/logo.svg" alt="" width={32} height={32} unoptimized />
          <div>
            <p className="brand-name">{t(locale, 'appName')}</p>
            <p className="brand-tagline">{t(locale, 'tagline')}</p>
          </div>
        </div>
        <LanguageSwitcher current={locale} />
      </header>

      <main className="content">
        <div className="section-head">
          <h1>{t(locale, 'examplesHeading')}</h1>
          <span className="count">{t(locale, countKey, { count: flows.length })}</span>
        </div>
        <p className="muted">
          {t(locale, 'examplesIntro', { dir: EXAMPLES_DIR_LABEL })}
        </p>

        {problems.length > 0 && (
          <ul className="problems">
            {problems.map((problem) => (
              <ProblemLine key={problem.file} locale={locale} problem={problem} />
            ))}
          </ul>
        )}

        {flows.length === 0 ? (
          <div className="empty">
            <h2>{t(locale, 'emptyTitle')}</h2>
            <p className="muted">{t(locale, 'emptyBody', { dir: EXAMPLES_DIR_LABEL })}</p>
          </div>
        ) : (
          <ul className="flow-grid">
            {flows.map((flow) => (
              <FlowCard key={flow.file} locale={locale} flow={flow} />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

function LanguageSwitcher({ current }: { current: Locale }) {
  const labels: Record<Locale, string> = { en: 'EN', th: 'ไทย' };
  return (
    <nav className="lang-switch" aria-label={t(current, 'languageSwitcher')}>
      {locales.map((locale, index) => (
        <span key={locale}>
          {index > 0 && <span className="divider">|</span>}
          <Link
            href={locale === 'en' ? '/' : `/?lang=${locale}`}
            lang={locale}
            aria-current={locale === current ? 'page' : undefined}
          >
            {labels[locale]}
          </Link>
        </span>
      ))}
    </nav>
  );
}

function FlowCard({ locale, flow }: { locale: Locale; flow: ExampleFlowSummary }) {
  return (
    <li className="flow-card">
      <h2>{flow.name}</h2>
      <dl>
        <dt>{t(locale, 'flowId')}</dt>
        <dd>
          <code>{flow.id}</code>
        </dd>
        <dt>{t(locale, 'flowNodes')}</dt>
        <dd>{flow.nodeCount}</dd>
        <dt>{t(locale, 'flowChannels')}</dt>
        <dd className="badges">
          {flow.channels === 'all' ? (
            <span className="badge badge-all">{t(locale, 'allChannels')}</span>
          ) : (
            flow.channels.map((channel) => (
              <span key={channel} className="badge">
                {channelLabel(locale, channel)}
              </span>
            ))
          )}
        </dd>
        <dt>{t(locale, 'flowLocale')}</dt>
        <dd>{flow.locale ?? t(locale, 'localeNotSet')}</dd>
        <dt>{t(locale, 'flowCheck')}</dt>
        <dd>
          {flow.errors + flow.warnings === 0 ? (
            <span className="badge badge-ok">{t(locale, 'flowValid')}</span>
          ) : (
            <span className={flow.errors > 0 ? 'badge badge-error' : 'badge badge-warning'}>
              {t(locale, 'flowErrors', { errors: flow.errors, warnings: flow.warnings })}
            </span>
          )}
        </dd>
        <dt>{t(locale, 'flowJourneys')}</dt>
        <dd>{flow.journeys}</dd>
      </dl>
    </li>
  );
}

function ProblemLine({ locale, problem }: { locale: Locale; problem: ExampleFlowProblem }) {
  return (
    <li className="problem" title={problem.detail}>
      <span aria-hidden="true">⚠</span> {t(locale, problemKeys[problem.reason], { file: problem.file })}
    </li>
  );
}

const problemKeys: Record<ExampleFlowProblem['reason'], MessageKey> = {
  unreadable: 'skippedUnreadable',
  'invalid-json': 'skippedInvalidJson',
  'invalid-flow': 'skippedInvalidFlow',
};

const channelKeys = new Map<string, MessageKey>([
  ['webchat', 'channelWebchat'],
  ['voice', 'channelVoice'],
  ['sms', 'channelSms'],
  ['line', 'channelLine'],
  ['email', 'channelEmail'],
  ['api', 'channelApi'],
]);

/** Known channels are translated; an unknown one is shown as written in the file. */
function channelLabel(locale: Locale, channel: string): string {
  const key = channelKeys.get(channel);
  return key ? t(locale, key) : channel;
}
