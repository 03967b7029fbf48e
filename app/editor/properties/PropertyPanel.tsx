// PLACEHOLDER: replaced at merge by the owning engineer's version.
'use client';
import type { PropertyPanelProps } from '../contracts';

export function PropertyPanel({ flow, nodeId }: PropertyPanelProps) {
  const node = flow.nodes.find((n) => n.id === nodeId);
  return <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(node?.data, null, 2)}</pre>;
}
