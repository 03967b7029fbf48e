'use client';
// The conversation's timeline: every message labelled with its channel and author, the bot's
// steps between them, and the team's internal notes (marked, never sent).
import { Fragment } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { ChannelIcon } from './ChannelIcon';
import styles from './desk.module.css';
import { channelName, dayOf, timeOfDay } from './deskText';
import type { DeskNote, TimelineEntry } from './deskTypes';

const AUTHOR_KEYS: Record<string, MessageKey> = {
  customer: 'deskAuthorCustomer',
  bot: 'deskAuthorBot',
  agent: 'deskAuthorAgent',
  system: 'deskAuthorSystem',
};

type Row = { kind: 'entry'; entry: TimelineEntry; at: string } | { kind: 'note'; note: DeskNote; at: string };

export function Timeline({ locale, entries, notes = [], showSteps = true }: { locale: Locale; entries: TimelineEntry[]; notes?: DeskNote[]; showSteps?: boolean }) {
  const rows: Row[] = [
    ...entries.filter((entry) => showSteps || entry.kind === 'message').map((entry): Row => ({ kind: 'entry', entry, at: entry.at })),
    ...notes.map((note): Row => ({ kind: 'note', note, at: note.at })),
  ];
  // The timeline is in order already; notes go in by time (a stable sort keeps the rest as it is).
  rows.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  if (rows.length === 0) return <p className="muted">{t(locale, 'deskTimelineEmpty')}</p>;
  let lastDay = '';
  return (
    <ol className={styles.rows}>
      {rows.map((row) => {
        const day = dayOf(locale, row.at);
        const showDay = day !== lastDay;
        lastDay = day;
        const key = row.kind === 'note' ? `note-${row.note.id}` : row.entry.id;
        return (
          <Fragment key={key}>
            {showDay && (
              <li className={styles.day} aria-hidden="true">
                {day}
              </li>
            )}
            <TimelineRow locale={locale} row={row} />
          </Fragment>
        );
      })}
    </ol>
  );
}

function TimelineRow({ locale, row }: { locale: Locale; row: Row }) {
  if (row.kind === 'note') {
    return (
      <li className={styles.msgNote} data-testid="desk-note">
        <div className={styles.msgHead}>
          <span className={styles.msgAuthor}>{t(locale, 'deskNoteBadge')}</span>
          <span>{row.note.author?.name ?? ''}</span>
          <time dateTime={row.note.at}>{timeOfDay(locale, row.note.at)}</time>
        </div>
        <div className={styles.bubble}>{row.note.text}</div>
      </li>
    );
  }
  const entry = row.entry;
  if (entry.kind === 'node') {
    return (
      <li className={styles.step}>
        <span className={styles.stepChip} title={entry.type ?? undefined}>
          {t(locale, 'deskEnteredNode', { node: entry.type ? `${entry.node} · ${entry.type}` : entry.node })}
        </span>
      </li>
    );
  }
  const author = entry.author === 'agent' && entry.agentName ? entry.agentName : t(locale, AUTHOR_KEYS[entry.author] ?? 'deskAuthorSystem');
  return (
    <li className={styles.msg} data-side={entry.direction} data-author={entry.author} data-testid="desk-message">
      <div className={styles.msgHead}>
        <span className={styles.msgAuthor}>{author}</span>
        <ChannelIcon channel={entry.channel} label={channelName(locale, entry.channel)} small />
        <span>{channelName(locale, entry.channel)}</span>
        <time dateTime={entry.at}>{timeOfDay(locale, entry.at)}</time>
        {entry.delivery === 'failed' && <span className={styles.delivery}>{t(locale, 'deskDeliveryFailed')}</span>}
        {entry.delivery === 'pending' && <span>{t(locale, 'deskDeliveryPending')}</span>}
      </div>
      <div className={styles.bubble}>{entry.text}</div>
    </li>
  );
}
