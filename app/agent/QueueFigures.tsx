'use client';
// Under the inbox: the queues the agent serves, each with how many wait, the longest wait and
// how many agents are free. Polled, and refetched with the inbox when the stream says so.
import { useQuery } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import styles from './desk.module.css';
import { shortDuration } from './deskText';

export function QueueFigures({ locale }: { locale: Locale }) {
  const trpc = useTRPC();
  const { data: figures } = useQuery(trpc.routing.figures.queryOptions(undefined, { refetchInterval: 5_000 }));
  if (!figures || figures.length === 0) return null;
  return (
    <section aria-labelledby="desk-queues" className={styles.queueFigures}>
      <h3 className={styles.listHead} id="desk-queues">
        <span>{t(locale, 'deskQueues')}</span>
      </h3>
      <ul className={styles.queueList}>
        {figures.map((figure) => (
          <li key={figure.queue} className={styles.queueRow} data-queue={figure.queue}>
            <span className={styles.queueName}>{figure.name}</span>
            <span className={styles.queueStats}>
              {t(locale, 'deskQueueLine', { waiting: figure.waiting, longest: shortDuration(figure.longestWaitSeconds), available: figure.agentsAvailable })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
