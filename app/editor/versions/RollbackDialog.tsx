'use client';
import { useEffect, useRef, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { Spinner } from '@/app/ui/Spinner';
import styles from './VersionsPanel.module.css';

interface RollbackDialogProps {
  locale: Locale;
  number: number;
  pending: boolean;
  onCancel(): void;
  onConfirm(note: string): void;
}

/** Asks before publishing an old version again; a modal <dialog>, so Escape cancels. */
export function RollbackDialog({ locale, number, pending, onCancel, onConfirm }: RollbackDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="rollback-title" onClose={onCancel}>
      <h2 id="rollback-title">{t(locale, 'versionsRollbackTitle', { number })}</h2>
      <p>{t(locale, 'versionsRollbackBody', { number })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(note.trim());
        }}
      >
        <label className={styles.noteField}>
          {t(locale, 'versionsRollbackNote')}
          <textarea
            value={note}
            rows={3}
            maxLength={2000}
            placeholder={t(locale, 'versionsRollbackNotePlaceholder')}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <div className={styles.dialogActions}>
          {/* Focus starts on the safe choice. */}
          <button type="button" className="button" onClick={onCancel} disabled={pending} autoFocus>
            {t(locale, 'cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={pending}>
            {pending && <Spinner />}
            {t(locale, pending ? 'versionsRollingBack' : 'versionsRollbackConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
