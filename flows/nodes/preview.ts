import type { Text } from '../schema/common';
import { textLeaves } from '../lang/text';

/** A one-line preview of a text for the canvas: its first variant, shortened. */
export function previewText(text: Text | undefined, max = 60): string {
  const first = textLeaves(text)[0]?.template ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Joins short items for a summary, e.g. "Lost card · Balance · +2". */
export function previewList(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(' · ');
  return items.length > max ? `${shown} · +${items.length - max}` : shown;
}
