// PLACEHOLDER: replaced at merge by the owning engineer's version.
'use client';
import type { VariablesPanelProps } from '../contracts';

export function VariablesPanel({ flow }: VariablesPanelProps) {
  return <ul>{Object.keys(flow.variables).map((name) => <li key={name}>{name}</li>)}</ul>;
}
