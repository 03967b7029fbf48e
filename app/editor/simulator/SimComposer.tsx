'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { Channel, CHANNELS } from '@/flows';
import type { CustomerStep, StepState } from './sessionTypes';
import { channelName } from './stepText';
import styles from './SimulatorDrawer.module.css';

interface SimComposerProps {
  current: StepState | null;
  quickReplies: readonly { id: string; label: string }[];
  locale: Locale;
  onCustomer(step: CustomerStep): void;
}

/** What the customer writes next: quick replies, or a message on this or any other channel. */
export function SimComposer({ current, quickReplies, locale, onCustomer }: SimComposerProps) {
  const [text, setText] = useState('');
  // null follows the journey's channel; a choice lets the customer write somewhere else.
  const [chosen, setChosen] = useState<Channel | null>(null);
  const disabled = !current || current.ended;
  const channel = chosen ?? current?.channel ?? 'webchat';

  const send = (step: CustomerStep) => {
    onCustomer(current && channel !== current.channel ? { ...step, channel } : step);
    setChosen(null);
  };

  return (
    <div className={styles.composer}>
      {quickReplies.length > 0 ? (
        <div className={styles.quickReplies} role="group" aria-label={t(locale, 'simQuickReplies')}>
          {quickReplies.map((reply) => (
            <button key={reply.id} type="button" className={styles.quickReply} disabled={disabled} onClick={() => send({ text: reply.label, payload: reply.id })}>
              {reply.label}
            </button>
          ))}
        </div>
      ) : null}
      <form
        className={styles.messageForm}
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '') return;
          send({ text });
          setText('');
        }}
      >
        <label className={styles.channelPick}>
          <span className={styles.visuallyHidden}>{t(locale, 'simCustomerChannel')}</span>
          <select
            value={channel}
            disabled={disabled}
            title={t(locale, 'simCustomerChannel')}
            onChange={(event) => {
              const picked = Channel.safeParse(event.target.value);
              if (picked.success) setChosen(picked.data);
            }}
          >
            {CHANNELS.map((option) => (
              <option key={option} value={option}>
                {channelName(option, locale)}
              </option>
            ))}
          </select>
        </label>
        <input
          className={styles.messageInput}
          aria-label={t(locale, 'simMessage')}
          placeholder={t(locale, 'simMessagePlaceholder')}
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className={styles.primary} disabled={disabled || text.trim() === ''}>
          {t(locale, 'simSend')}
        </button>
      </form>
    </div>
  );
}
