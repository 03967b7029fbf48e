'use client';
// Live validation: the validator runs in the browser on the draft, debounced so typing and
// dragging stay smooth on large flows. The first run waits for the first paint, so a large
// flow shows its nodes before its badges (the server refuses to publish errors regardless).
import { useEffect, useRef, useState } from 'react';
import { validateFlow, type Diagnostic, type FlowDocument } from '@/flows';

export const VALIDATE_DELAY_MS = 250;

const NONE: Diagnostic[] = [];

export function useDiagnostics(doc: FlowDocument, library: ReadonlyMap<string, FlowDocument>): Diagnostic[] {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>(NONE);
  const first = useRef(true);
  useEffect(() => {
    const delay = first.current ? 0 : VALIDATE_DELAY_MS;
    first.current = false;
    const timer = setTimeout(() => setDiagnostics(validateFlow(doc, { flows: library })), delay);
    return () => clearTimeout(timer);
  }, [doc, library]);
  return diagnostics;
}
