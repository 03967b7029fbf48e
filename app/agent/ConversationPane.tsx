'use client';
// The middle column: who and where, the actions (claim, transfer, resolve), the timeline across
// channels with the team's notes, and the reply box.
import { useEffect, useRef } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { ChannelIcon } from './ChannelIcon';
import { Composer, type ComposerMode } from './Composer';
import styles from './desk.module.css';
import { channelName } from './deskText';
import type { CannedResponse, DeskConversation, DeskNote } from './deskTypes';
import { Timeline } from './Timeline';

interface ConversationPaneProps {
  locale: Locale;
  userId: string;
  conversation: DeskConversation;
  notes: DeskNote[];
  canned: CannedResponse[];
  busy: boolean;
  onClaim(): void;
  onTransfer(): void;
  onResolve(): void;
  onSend(mode: ComposerMode, text: string): Promise<boolean>;
  fillCanned(id: string): Promise<string | null>;
}

export function ConversationPane({ locale, userId, conversation, notes, canned, busy, onClaim, onTransfer, onResolve, onSend, fillCanned }: ConversationPaneProps) {
  const handoff = conversation.handoff;
  const inHandoff = conversation.status === 'handoff' && handoff !== null;
  const mine = inHandoff && handoff.status === 'accepted' && handoff.agent?.id === userId;
  const waiting = inHandoff && handoff.status === 'queued';
  const channel = channelName(locale, conversation.channel);
  const scroller = useRef<HTMLDivElement>(null);
  const count = conversation.timeline.length + notes.length;
  // New messages scroll into view, as in any chat.
  useEffect(() => {
    const node = scroller.current;
    if (node) node.scrollTop = node.scrollHeight;
  }, [count, conversation.id]);

  return (
    <section className={styles.main} aria-labelledby="desk-conversation-title">
      <header className={styles.convHead}>
        <ChannelIcon channel={conversation.channel} label={channel} />
        <div className={styles.convTitle}>
          <h1 id="desk-conversation-title">{conversation.contact.name ?? t(locale, 'deskUnknownCustomer')}</h1>
          <div className={styles.convSub}>
            <span>{t(locale, 'deskOnChannel', { channel })}</span>
            <span aria-hidden="true">·</span>
            <span className={`badge ${conversation.status === 'ended' ? 'badge-all' : conversation.status === 'handoff' ? 'badge-ok' : ''}`}>
              {t(locale, conversation.status === 'handoff' ? 'deskStatusHandoff' : conversation.status === 'ended' ? 'deskStatusEnded' : 'deskStatusActive')}
            </span>
            {conversation.queue && <span className={styles.chip}>{t(locale, 'deskQueue', { queue: conversation.queue })}</span>}
            <span className="muted">{conversation.flow.name}</span>
          </div>
        </div>
        <div className={styles.actions}>
          {waiting && (
            <button type="button" className="button button-primary" disabled={busy} onClick={onClaim}>
              {t(locale, 'deskClaim')}
            </button>
          )}
          {mine && (
            <>
              <button type="button" className="button" disabled={busy} onClick={onTransfer}>
                {t(locale, 'deskTransfer')}
              </button>
              <button type="button" className="button button-primary" disabled={busy} onClick={onResolve}>
                {t(locale, 'deskResolve')}
              </button>
            </>
          )}
        </div>
      </header>
      <div className={styles.timeline} ref={scroller} role="log" aria-label={t(locale, 'deskTimeline')} aria-live="polite">
        <Timeline locale={locale} entries={conversation.timeline} notes={notes} />
      </div>
      {conversation.status === 'ended' ? (
        <p className={styles.composerBlocked}>{t(locale, 'deskEndedNote')}</p>
      ) : (
        <>
          {!mine && (
            <p className={styles.composerBlocked} style={{ marginBottom: 8 }}>
              <span>{waiting ? t(locale, 'deskClaimFirst') : inHandoff && handoff.agent ? t(locale, 'deskNotYours', { name: handoff.agent.name }) : t(locale, 'deskStatusActive')}</span>
              {waiting && (
                <button type="button" className="button button-small" disabled={busy} onClick={onClaim}>
                  {t(locale, 'deskClaim')}
                </button>
              )}
            </p>
          )}
          <Composer key={`${conversation.id}:${mine ? 'mine' : 'other'}`} locale={locale} channelLabel={channel} canned={canned} canReply={mine} busy={busy} onSend={onSend} fillCanned={fillCanned} />
        </>
      )}
    </section>
  );
}
