'use client';
// A short message at the bottom of the editor that goes away by itself.
import { useCallback, useEffect, useRef, useState } from 'react';

const TOAST_MS = 3500;

export function useToast(): { toast: string | null; showToast(message: string): void } {
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const showToast = useCallback((message: string) => {
    if (timer.current) clearTimeout(timer.current);
    setToast(message);
    timer.current = setTimeout(() => setToast(null), TOAST_MS);
  }, []);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return { toast, showToast };
}
