'use client';
// The left column: presence, then the conversations assigned to the agent and those waiting in
// their queues, each with its channel, queue, priority and a wait that ticks.
import { useEffect, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { ChannelIcon } from './ChannelIcon';
import { QueueFigures } from './QueueFigures';
import styles from './desk.module.css';
import { channelName, presenceName, waitClock } from './deskText';
import { PRESENCES, type AssignedItem, type Inbox, type Presence, type WaitingItem } from './deskTypes';
import type { StreamState } from './useAgentStream';

interface InboxColumnProps {
  locale: Locale;
  inbox: Inbox | undefined;
  selected: string | null;
  stream: StreamState;
  onSelect(id: string): void;
  onPresence(presence: Presence): void;
}

/** Waits longer than this are shown in red. */
const LATE_SECONDS = 120;

export function InboxColumn({ locale, inbox, selected, stream, onSelect, onPresence }: InboxColumnProps) {
  const now = useNow();
  const load = inbox ? Object.values(inbox.agent.load).reduce((sum, n) => sum + (n ?? 0), 0) : 0;
  const capacity = inbox ? Object.values(inbox.agent.capacity).reduce((sum, n) => sum + (n ?? 0), 0) : 0;
  return (
    <nav className={styles.inbox} aria-label={t(locale, 'deskInbox')}>
      <div className={styles.inboxHead}>
        <div className={styles.inboxTitleRow}>
          <h2 className={styles.inboxTitle}>{t(locale, 'deskInbox')}</h2>
          <span className={styles.live} data-state={stream}>
            <span className={styles.liveDot} aria-hidden="true" />
            {stream === 'open' ? t(locale, 'deskLive') : t(locale, 'deskReconnecting')}
          </span>
        </div>
        <div className={styles.presence}>
          <label htmlFor="desk-presence">{t(locale, 'deskPresence')}</label>
          <select
            id="desk-presence"
            className={styles.presenceSelect}
            data-presence={inbox?.agent.presence ?? 'offline'}
            value={inbox?.agent.presence ?? 'offline'}
            disabled={!inbox}
            onChange={(event) => {
              const value = PRESENCES.find((p) => p === event.target.value);
              if (value) onPresence(value);
            }}
          >
            {PRESENCES.map((presence) => (
              <option key={presence} value={presence}>
                {presenceName(locale, presence)}
              </option>
            ))}
          </select>
        </div>
        {capacity > 0 && <p className={styles.load}>{t(locale, 'deskLoad', { load, capacity })}</p>}
      </div>
      <div className={styles.lists}>
        <Section locale={locale} title={t(locale, 'deskAssigned')} count={inbox?.assigned.length ?? 0} empty={t(locale, 'deskAssignedEmpty')} id="desk-assigned">
          {inbox?.assigned.map((item) => (
            <ItemButton key={item.conversationId} locale={locale} item={item} since={item.assignedAt} label={t(locale, 'deskAssignedFor', { time: waitClock(item.assignedAt, now) })} time={waitClock(item.assignedAt, now)} late={false} selected={selected === item.conversationId} onSelect={onSelect} />
          ))}
        </Section>
        <Section locale={locale} title={t(locale, 'deskWaiting')} count={inbox?.waiting.length ?? 0} empty={t(locale, 'deskWaitingEmpty')} id="desk-waiting">
          {inbox?.waiting.map((item) => (
            <ItemButton
              key={item.conversationId}
              locale={locale}
              item={item}
              since={item.waitingSince}
              label={t(locale, 'deskWaited', { time: waitClock(item.waitingSince, now) })}
              time={waitClock(item.waitingSince, now)}
              late={(now - new Date(item.waitingSince).getTime()) / 1000 > LATE_SECONDS}
              position={item.position}
              selected={selected === item.conversationId}
              onSelect={onSelect}
            />
          ))}
        </Section>
        <QueueFigures locale={locale} />
      </div>
    </nav>
  );
}

function Section({ locale, title, count, empty, id, children }: { locale: Locale; title: string; count: number; empty: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 className={styles.listHead} id={id}>
        <span>{title}</span>
        <span className={styles.listCount} aria-label={`${count}`} lang={locale}>
          {count}
        </span>
      </h3>
      {count === 0 ? <p className={styles.listEmpty}>{empty}</p> : <ul className={styles.list}>{children}</ul>}
    </section>
  );
}

interface ItemButtonProps {
  locale: Locale;
  item: WaitingItem | AssignedItem;
  since: string;
  label: string;
  time: string;
  late: boolean;
  position?: number;
  selected: boolean;
  onSelect(id: string): void;
}

function ItemButton({ locale, item, since, label, time, late, position, selected, onSelect }: ItemButtonProps) {
  const name = item.contact.name ?? t(locale, 'deskUnknownCustomer');
  return (
    <li>
      <button type="button" className={styles.item} aria-current={selected ? 'true' : undefined} data-conversation={item.conversationId} onClick={() => onSelect(item.conversationId)}>
        <ChannelIcon channel={item.channel} label={channelName(locale, item.channel)} />
        <span>
          <span className={styles.itemTop}>
            <span className={styles.itemName}>{name}</span>
            <time className={styles.itemTime} dateTime={since} title={label} data-late={late ? '' : undefined}>
              {time}
            </time>
          </span>
          {item.summary && <span className={styles.itemSummary}>{item.summary}</span>}
          <span className={styles.itemMeta}>
            <span className={styles.chip}>{t(locale, 'deskQueue', { queue: item.queue })}</span>
            {item.priority > 0 && <span className={`${styles.chip} ${styles.chipPriority}`}>{t(locale, 'deskPriority', { priority: item.priority })}</span>}
            {position !== undefined && <span className={styles.chip}>{t(locale, 'deskPosition', { position })}</span>}
          </span>
        </span>
      </button>
    </li>
  );
}

/** The time now, once a second: waits tick without refetching. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
