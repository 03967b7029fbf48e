'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import { QueueForm } from './QueueForm';
import { formatSkills, formatWeekly } from './routingText';

type Queue = RouterOutputs['routing']['queues']['list'][number];

interface QueuesPanelProps {
  locale: Locale;
  initialQueues: Queue[];
}

/** The queues with rules, and the form that adds one or edits the one picked. */
export function QueuesPanel({ locale, initialQueues }: QueuesPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: queues } = useQuery(trpc.routing.queues.list.queryOptions(undefined, { initialData: initialQueues }));
  const [editing, setEditing] = useState<Queue | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.routing.queues.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.routing.figures.queryKey() });
  };
  const remove = useMutation(trpc.routing.queues.delete.mutationOptions({ onSuccess: refresh }));

  function confirmRemove(queue: Queue) {
    if (window.confirm(t(locale, 'routingDeleteQuestion', { queue: queue.id }))) remove.mutate({ id: queue.id });
  }

  return (
    <>
      {queues.length === 0 ? (
        <p className="empty muted">{t(locale, 'routingQueuesEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="routing-queues">
            <thead>
              <tr>
                <th scope="col">{t(locale, 'routingColumnQueue')}</th>
                <th scope="col">{t(locale, 'routingColumnSkills')}</th>
                <th scope="col">{t(locale, 'routingColumnPriority')}</th>
                <th scope="col">{t(locale, 'routingColumnHours')}</th>
                <th scope="col">{t(locale, 'routingColumnOverflow')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr key={queue.id}>
                  <td>
                    <span className="cell-strong">{queue.name}</span> <code>{queue.id}</code>
                  </td>
                  <td>{formatSkills(queue.requiredSkills.map((s) => ({ skill: s.skill, level: s.minLevel }))) || '—'}</td>
                  <td>{queue.priority}</td>
                  <td>{queue.hours ? `${formatWeekly(queue.hours.weekly)} (${queue.hours.timezone})` : t(locale, 'routingAlwaysOpen')}</td>
                  <td>{overflowText(locale, queue)}</td>
                  <td>
                    <div className="cell-row">
                      <button type="button" className="button" onClick={() => setEditing(queue)}>
                        {t(locale, 'routingEdit')}
                      </button>
                      <button type="button" className="button" onClick={() => confirmRemove(queue)} disabled={remove.isPending}>
                        {t(locale, 'routingDelete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QueueForm
        key={editing?.id ?? 'new'}
        locale={locale}
        queue={editing}
        onSaved={async () => {
          setEditing(null);
          await refresh();
        }}
        onCancel={() => setEditing(null)}
      />
    </>
  );
}

function overflowText(locale: Locale, queue: Queue): string {
  if (!queue.overflowQueue) return t(locale, 'routingNoOverflow');
  const parts: string[] = [];
  if (queue.maxWaitSeconds !== null) parts.push(t(locale, 'routingOverflowAfter', { queue: queue.overflowQueue, seconds: queue.maxWaitSeconds }));
  if (queue.whenClosed === 'overflow') parts.push(t(locale, 'routingOverflowClosed', { queue: queue.overflowQueue }));
  return parts.join('; ') || t(locale, 'routingNoOverflow');
}
