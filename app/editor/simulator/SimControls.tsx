'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { agentCanAct } from './drawerModel';
import { Keypad } from './Keypad';
import type { SessionAction, StepState } from './sessionTypes';
import { clockDateTime } from './stepText';
import styles from './SimulatorDrawer.module.css';

const STEPS = ['10s', '1m', '1h', '1d'] as const;

interface SimControlsProps {
  current: StepState | null;
  locale: Locale;
  onAction(action: SessionAction): void;
}

/** The phone keypad on voice, the virtual clock, hanging up, and the agent's side of a handoff. */
export function SimControls({ current, locale, onAction }: SimControlsProps) {
  const [by, setBy] = useState('');
  const disabled = !current || current.ended;
  return (
    <div className={styles.controls}>
      {current?.channel === 'voice' ? (
        <Keypad locale={locale} disabled={disabled} onDigits={(digits) => onAction({ kind: 'customer', customer: { digits } })} />
      ) : null}
      <section className={styles.panel} aria-label={t(locale, 'simClock')}>
        <h3 className={styles.panelTitle}>{t(locale, 'simClock')}</h3>
        {current ? (
          <p className={styles.clock}>
            <span className={styles.visuallyHidden}>{t(locale, 'simClockNow')} </span>
            <time dateTime={current.now}>{clockDateTime(current.now, locale)}</time>
          </p>
        ) : null}
        <div className={styles.buttonRow}>
          {STEPS.map((step) => (
            <button key={step} type="button" className={styles.toolButton} disabled={disabled} aria-label={t(locale, 'simAdvance', { duration: step })} onClick={() => onAction({ kind: 'wait', wait: step })}>
              +{step}
            </button>
          ))}
        </div>
        <form
          className={styles.buttonRow}
          onSubmit={(event) => {
            event.preventDefault();
            if (by.trim() === '') return;
            onAction({ kind: 'wait', wait: by.trim() });
            setBy('');
          }}
        >
          <input className={styles.shortInput} aria-label={t(locale, 'simAdvanceBy')} placeholder="90s" value={by} disabled={disabled} onChange={(event) => setBy(event.target.value)} />
          <button type="submit" className={styles.toolButton} disabled={disabled || by.trim() === ''}>
            {t(locale, 'simAdvanceGo')}
          </button>
        </form>
        <button type="button" className={styles.danger} disabled={disabled} onClick={() => onAction({ kind: 'customer', customer: { hangup: true } })}>
          {t(locale, current?.channel === 'voice' ? 'simHangup' : 'simLeave')}
        </button>
      </section>
      {agentCanAct(current) && current?.handoff ? <AgentPanel queued={current.handoff.status === 'queued'} locale={locale} onAction={onAction} /> : null}
    </div>
  );
}

function AgentPanel({ queued, locale, onAction }: { queued: boolean; locale: Locale; onAction(action: SessionAction): void }) {
  const [reply, setReply] = useState('');
  const [queue, setQueue] = useState('');
  return (
    <section className={`${styles.panel} ${styles.agentPanel}`} aria-label={t(locale, 'simAgentControls')}>
      <h3 className={styles.panelTitle}>{t(locale, 'simAgentControls')}</h3>
      {queued ? (
        <button type="button" className={styles.primary} onClick={() => onAction({ kind: 'agent', agent: { accept: true } })}>
          {t(locale, 'simAgentAccept')}
        </button>
      ) : null}
      <form
        className={styles.buttonRow}
        onSubmit={(event) => {
          event.preventDefault();
          if (reply.trim() === '') return;
          onAction({ kind: 'agent', agent: { reply } });
          setReply('');
        }}
      >
        <input aria-label={t(locale, 'simAgentReply')} placeholder={t(locale, 'simAgentReply')} value={reply} onChange={(event) => setReply(event.target.value)} />
        <button type="submit" className={styles.toolButton} disabled={reply.trim() === ''}>
          {t(locale, 'simAgentSendReply')}
        </button>
      </form>
      <form
        className={styles.buttonRow}
        onSubmit={(event) => {
          event.preventDefault();
          if (queue.trim() === '') return;
          onAction({ kind: 'agent', agent: { transfer: queue.trim() } });
          setQueue('');
        }}
      >
        <input aria-label={t(locale, 'simAgentQueue')} placeholder={t(locale, 'simAgentQueue')} value={queue} onChange={(event) => setQueue(event.target.value)} />
        <button type="submit" className={styles.toolButton} disabled={queue.trim() === ''}>
          {t(locale, 'simAgentTransfer')}
        </button>
      </form>
      <button type="button" className={styles.primary} onClick={() => onAction({ kind: 'agent', agent: { resolve: true } })}>
        {t(locale, 'simAgentResolve')}
      </button>
    </section>
  );
}
