'use client';
// Short messages at the bottom of the desktop: confirmations, and errors of calls that failed.
import { useCallback, useEffect, useRef, useState } from 'react';
import styles from './desk.module.css';

interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

const TOAST_MS = 5000;

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const show = useCallback((kind: Toast['kind'], text: string) => {
    const id = next.current++;
    setToasts((list) => [...list.slice(-2), { id, kind, text }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setToasts((list) => list.filter((toast) => toast.id !== id));
    }, TOAST_MS);
    timers.current.add(timer);
  }, []);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  return { toasts, info: useCallback((text: string) => show('info', text), [show]), error: useCallback((text: string) => show('error', text), [show]) };
}

export function Toasts({ toasts }: { toasts: Toast[] }) {
  return (
    <div className={styles.toasts}>
      {toasts.map((toast) => (
        <div key={toast.id} className={styles.toast} data-kind={toast.kind} role={toast.kind === 'error' ? 'alert' : 'status'}>
          {toast.text}
        </div>
      ))}
    </div>
  );
}
