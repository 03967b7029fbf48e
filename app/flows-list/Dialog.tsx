'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import styles from './FlowsList.module.css';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, closes it on Escape and
 * gives focus back to what opened it.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby="flows-dialog-title" onClose={onClose}>
      <h2 id="flows-dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
