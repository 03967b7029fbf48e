'use client';
// A modal on the native <dialog>: the browser traps focus, closes it on Escape and gives focus
// back to what opened it.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import styles from './desk.module.css';

interface DeskDialogProps {
  locale: Locale;
  title: string;
  intro?: string;
  confirm: string;
  busy: boolean;
  canConfirm: boolean;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}

export function DeskDialog({ locale, title, intro, confirm, busy, canConfirm, onConfirm, onClose, children }: DeskDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canConfirm && !busy) onConfirm();
  };
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
        <div className={styles.dialogBody}>{children}</div>
        <div className={styles.dialogActions}>
          <button type="button" className="button" onClick={onClose}>
            {t(locale, 'deskCancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !canConfirm}>
            {busy && <span className="spinner" aria-hidden="true" />}
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
