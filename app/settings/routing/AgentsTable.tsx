'use client';
import { useQuery } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import { AgentRow } from './AgentRow';

interface AgentsTableProps {
  locale: Locale;
  initialAgents: RouterOutputs['routing']['agents']['list'];
}

/** Agents (skills, capacity, presence) and designers (transcript access), refreshed with presence. */
export function AgentsTable({ locale, initialAgents }: AgentsTableProps) {
  const trpc = useTRPC();
  const { data: agents } = useQuery(trpc.routing.agents.list.queryOptions(undefined, { initialData: initialAgents, refetchInterval: 10_000 }));
  if (agents.length === 0) return <p className="empty muted">{t(locale, 'routingAgentsEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="routing-agents">
        <thead>
          <tr>
            <th scope="col">{t(locale, 'routingColumnAgent')}</th>
            <th scope="col">{t(locale, 'routingColumnPresence')}</th>
            <th scope="col">{t(locale, 'routingColumnAgentSkills')}</th>
            <th scope="col">{t(locale, 'routingColumnCapacity')}</th>
            <th scope="col">{t(locale, 'routingColumnTranscripts')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => (
            // Keyed by person only: a refetch after saving keeps the row (and its "Saved").
            <AgentRow key={agent.userId} locale={locale} agent={agent} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
