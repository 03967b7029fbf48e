import { t } from '@/app/i18n/messages';
import type { SearchParams } from '@/app/lib/pageParams';
import { SettingsShell } from '../SettingsShell';
import { settingsPage } from '../settingsPage';
import { AgentsTable } from './AgentsTable';
import { FiguresTable } from './FiguresTable';
import { QueuesPanel } from './QueuesPanel';

const PATH = '/settings/routing';

/** Routing: live queue figures, queue rules, and agents' skills, capacity and transcript access. */
export default async function RoutingSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, api, user, isAdmin } = await settingsPage(searchParams, PATH);
  const [figures, queues, agents] = isAdmin ? await Promise.all([api.routing.figures(), api.routing.queues.list(), api.routing.agents.list()]) : [[], [], []];

  return (
    <SettingsShell locale={locale} user={user} path={PATH}>
      <section className="panel" aria-labelledby="figures-title">
        <h2 id="figures-title">{t(locale, 'routingFiguresTitle')}</h2>
        <p className="muted">{t(locale, 'routingFiguresIntro')}</p>
        <FiguresTable locale={locale} initialFigures={figures} />
      </section>
      <section className="panel" aria-labelledby="queues-title">
        <h2 id="queues-title">{t(locale, 'routingQueuesTitle')}</h2>
        <p className="muted">{t(locale, 'routingQueuesIntro')}</p>
        <QueuesPanel locale={locale} initialQueues={queues} />
      </section>
      <section className="panel" aria-labelledby="agents-title">
        <h2 id="agents-title">{t(locale, 'routingAgentsTitle')}</h2>
        <p className="muted">{t(locale, 'routingAgentsIntro')}</p>
        <AgentsTable locale={locale} initialAgents={agents} />
      </section>
    </SettingsShell>
  );
}
