'use client';
// Resolve with a disposition: a few common ones, or the agent's own words.
import { useState } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { DeskDialog } from './DeskDialog';
import styles from './desk.module.css';

/** Stored dispositions are stable ids; the labels are translated. */
const DISPOSITIONS: readonly { id: string; label: MessageKey }[] = [
  { id: 'solved', label: 'deskDispositionSolved' },
  { id: 'information-given', label: 'deskDispositionInfo' },
  { id: 'follow-up', label: 'deskDispositionFollowUp' },
  { id: 'no-answer', label: 'deskDispositionNoAnswer' },
];

/** A stored disposition in the reader's language (one typed by an agent stays as typed). */
export function dispositionLabel(locale: Locale, id: string): string {
  const known = DISPOSITIONS.find((d) => d.id === id);
  return known ? t(locale, known.label) : id;
}

export function ResolveDialog({ locale, busy, onResolve, onClose }: { locale: Locale; busy: boolean; onResolve(disposition: string): void; onClose(): void }) {
  const [choice, setChoice] = useState('solved');
  const [other, setOther] = useState('');
  const disposition = choice === 'other' ? other.trim() : choice;
  return (
    <DeskDialog
      locale={locale}
      title={t(locale, 'deskResolveTitle')}
      intro={t(locale, 'deskResolveBody')}
      confirm={t(locale, 'deskResolveConfirm')}
      busy={busy}
      canConfirm={disposition !== ''}
      onConfirm={() => onResolve(disposition)}
      onClose={onClose}
    >
      <fieldset className={styles.choices}>
        <legend>{t(locale, 'deskDisposition')}</legend>
        {DISPOSITIONS.map((d) => (
          <label key={d.id} className={styles.choice}>
            <input type="radio" name="disposition" value={d.id} checked={choice === d.id} onChange={() => setChoice(d.id)} />
            {t(locale, d.label)}
          </label>
        ))}
        <label className={styles.choice}>
          <input type="radio" name="disposition" value="other" checked={choice === 'other'} onChange={() => setChoice('other')} />
          {t(locale, 'deskDispositionOther')}
        </label>
      </fieldset>
      {choice === 'other' && (
        <div className="field">
          <label htmlFor="disposition-other">{t(locale, 'deskDispositionOtherLabel')}</label>
          <input id="disposition-other" value={other} maxLength={100} autoFocus onChange={(event) => setOther(event.target.value)} />
        </div>
      )}
    </DeskDialog>
  );
}
