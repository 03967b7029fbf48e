'use client';
import { useQuery } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';

interface FiguresTableProps {
  locale: Locale;
  initialFigures: RouterOutputs['routing']['figures'];
}

/** Polled every five seconds: a supervisor leaves this page open. */
export function FiguresTable({ locale, initialFigures }: FiguresTableProps) {
  const trpc = useTRPC();
  const { data: figures } = useQuery(trpc.routing.figures.queryOptions(undefined, { initialData: initialFigures, refetchInterval: 5_000 }));
  if (figures.length === 0) return <p className="empty muted">{t(locale, 'routingFiguresEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="routing-figures">
        <thead>
          <tr>
            <th scope="col">{t(locale, 'routingColumnQueue')}</th>
            <th scope="col">{t(locale, 'routingColumnWaiting')}</th>
            <th scope="col">{t(locale, 'routingColumnLongestWait')}</th>
            <th scope="col">{t(locale, 'routingColumnAgentsAvailable')}</th>
            <th scope="col">{t(locale, 'routingColumnAssigned')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.queue}>
              <td>
                <span className="cell-strong">{figure.name}</span> <code>{figure.queue}</code>
              </td>
              <td>{figure.waiting}</td>
              <td>{waitText(locale, figure.longestWaitSeconds)}</td>
              <td>{figure.agentsAvailable}</td>
              <td>{figure.assigned}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function waitText(locale: Locale, seconds: number): string {
  if (seconds < 60) return t(locale, 'routingSeconds', { seconds });
  return t(locale, 'routingMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
