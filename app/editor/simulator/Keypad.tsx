'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import styles from './SimulatorDrawer.module.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const TONES = /^[0-9*#]*$/;

interface KeypadProps {
  locale: Locale;
  disabled: boolean;
  onDigits(digits: string): void;
}

/** A phone keypad: keys collect tones (a card number is several), Send tones sends them at once. */
export function Keypad({ locale, disabled, onDigits }: KeypadProps) {
  const [digits, setDigits] = useState('');
  const send = () => {
    if (digits === '') return;
    onDigits(digits);
    setDigits('');
  };
  return (
    <div className={styles.keypadRow}>
      <div className={styles.keypad} role="group" aria-label={t(locale, 'simKeypad')}>
        {KEYS.map((key) => (
          <button key={key} type="button" aria-label={t(locale, 'simKey', { key })} disabled={disabled} onClick={() => setDigits((before) => before + key)}>
            {key}
          </button>
        ))}
      </div>
      <form
        className={styles.tones}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <label className={styles.field}>
          <span className={styles.visuallyHidden}>{t(locale, 'simDigits')}</span>
          <input
            placeholder={t(locale, 'simDigits')}
            inputMode="tel"
            value={digits}
            disabled={disabled}
            onChange={(event) => {
              if (TONES.test(event.target.value)) setDigits(event.target.value);
            }}
          />
        </label>
        <div className={styles.buttonRow}>
          <button type="submit" className={styles.primary} disabled={disabled || digits === ''}>
            {t(locale, 'simSendDigits')}
          </button>
          <button type="button" className={styles.toolButton} disabled={disabled || digits === ''} onClick={() => setDigits('')}>
            {t(locale, 'simClearDigits')}
          </button>
        </div>
      </form>
    </div>
  );
}
