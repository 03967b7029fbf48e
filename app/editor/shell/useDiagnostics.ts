'use client';
// Live validation: the validator runs in the browser on the draft, debounced so typing and
// dragging stay smooth on large flows.
import { useEffect, useState } from 'react';
import { validateFlow, type Diagnostic, type FlowDocument } from '@/flows';

export const VALIDATE_DELAY_MS = 250;

export function useDiagnostics(doc: FlowDocument, library: ReadonlyMap<string, FlowDocument>): Diagnostic[] {
  const [diagnostics, setDiagnostics] = useState<Diagnostic[]>(() => validateFlow(doc, { flows: library }));
  useEffect(() => {
    const timer = setTimeout(() => setDiagnostics(validateFlow(doc, { flows: library })), VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, library]);
  return diagnostics;
}
