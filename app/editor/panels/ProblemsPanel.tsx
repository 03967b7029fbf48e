// PLACEHOLDER: replaced at merge by the owning engineer's version.
'use client';
import type { ProblemsPanelProps } from '../contracts';

export function ProblemsPanel({ diagnostics, onSelect }: ProblemsPanelProps) {
  return (
    <ul>
      {diagnostics.map((d, i) => (
        <li key={i}>
          <button type="button" onClick={() => onSelect({ nodeId: d.nodeId, edgeId: d.edgeId })}>
            {d.nodeId}: {d.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
