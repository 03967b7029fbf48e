'use client';
// The editor's modal dialogs: publish with a note, and the keyboard shortcuts help.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { SHORTCUT_LIST } from './keyboardShortcuts';
import styles from './shell.module.css';

function Modal({ label, onClose, children }: { label: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    ref.current?.querySelector<HTMLElement>('textarea, button')?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);
  return (
    <div
      className={styles.backdrop}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        {children}
      </div>
    </div>
  );
}

export function PublishDialog({ locale, onPublish, onClose }: { locale: Locale; onPublish(note: string): Promise<void>; onClose(): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await onPublish(note.trim());
    } catch (failure) {
      setError(t(locale, 'editorPublishFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      setBusy(false);
    }
  };
  return (
    <Modal label={t(locale, 'editorPublishTitle')} onClose={onClose}>
      <h2>{t(locale, 'editorPublishTitle')}</h2>
      <p>{t(locale, 'editorPublishIntro')}</p>
      <label htmlFor="publish-note">{t(locale, 'editorPublishNote')}</label>
      <textarea id="publish-note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <div className={styles.dialogActions}>
        <button type="button" className={styles.button} onClick={onClose}>
          {t(locale, 'cancel')}
        </button>
        <button type="button" className={`${styles.button} ${styles.primary}`} disabled={busy} onClick={() => void submit()}>
          {busy ? t(locale, 'editorPublishing') : t(locale, 'editorPublishConfirm')}
        </button>
      </div>
    </Modal>
  );
}

export function ShortcutsDialog({ locale, onClose }: { locale: Locale; onClose(): void }) {
  return (
    <Modal label={t(locale, 'editorShortcutsTitle')} onClose={onClose}>
      <h2>{t(locale, 'editorShortcutsTitle')}</h2>
      <dl className={styles.shortcuts}>
        {SHORTCUT_LIST.map((entry) => (
          <div key={entry.keys.join('+')} style={{ display: 'contents' }}>
            <dt>
              {entry.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(locale, entry.label)}</dd>
          </div>
        ))}
        <dt>
          <kbd>{t(locale, 'editorPanHint')}</kbd>
        </dt>
        <dd>{t(locale, 'editorKeyPan')}</dd>
      </dl>
      <div className={styles.dialogActions}>
        <button type="button" className={styles.button} onClick={onClose}>
          {t(locale, 'editorClose')}
        </button>
      </div>
    </Modal>
  );
}
