import { t, type Locale } from '@/app/i18n/messages';
import type { AppRouter } from '@/server/api/root';
import type { inferRouterOutputs } from '@trpc/server';
import { DateTime } from './DateTime';

type FlowSummary = inferRouterOutputs<AppRouter>['flows']['list'][number];

export function FlowCard({ locale, flow }: { locale: Locale; flow: FlowSummary }) {
  return (
    <li className="flow-card">
      <h2>{flow.name}</h2>
      <dl>
        <dt>{t(locale, 'flowId')}</dt>
        <dd>
          <code>{flow.id}</code>
        </dd>
        <dt>{t(locale, 'flowPublished')}</dt>
        <dd>
          {flow.latestVersion > 0 ? (
            <span className="badge badge-ok">{t(locale, 'flowVersion', { version: flow.latestVersion })}</span>
          ) : (
            <span className="badge badge-all">{t(locale, 'draftOnly')}</span>
          )}
        </dd>
        <dt>{t(locale, 'flowNodes')}</dt>
        <dd>{flow.nodeCount}</dd>
        <dt>{t(locale, 'flowUpdated')}</dt>
        <dd>
          <DateTime locale={locale} iso={flow.updatedAt} />
        </dd>
      </dl>
    </li>
  );
}
