// PLACEHOLDER: replaced at merge by the owning engineer's version.
'use client';
import type { VersionsPanelProps } from '../contracts';

export function VersionsPanel({ flowId }: VersionsPanelProps) {
  return <p>{flowId}</p>;
}
