// What "Compare with draft" shows on the canvas: a published version with every node marked
// by how the draft differs from it. Pure, so it is tested without a canvas.
import type { FlowDocument } from '@/flows';
import { diffFlows } from '@/flows/diff/diffFlows';
import type { CanvasPreview, DiffMark } from '../contracts';

export interface MarkCounts {
  added: number;
  removed: number;
  changed: number;
}

/**
 * The version's document, plus the nodes only the draft has (so the designer sees them), with
 * marks going from the version to the draft: `removed` (only in the version), `added` (only in
 * the draft) and `changed`. A node that was only moved is not marked: the canvas shows the
 * version's layout, and a move changes no behaviour. Edges the draft adds are drawn too when
 * both their ends are on the canvas and their id is free, so added nodes appear connected.
 *
 * @example
 * versionPreview(version3, draft, 'Version 3 compared with the draft').marks // { ask: 'changed', survey: 'added' }
 */
export function versionPreview(version: FlowDocument, draft: FlowDocument, label: string): CanvasPreview {
  const diff = diffFlows(version, draft);
  const marks: Record<string, DiffMark> = {};
  for (const node of diff.nodes.removed) marks[node.id] = 'removed';
  for (const change of diff.nodes.changed) {
    if (change.fields.some((field) => field.path !== 'position')) marks[change.id] = 'changed';
  }
  for (const node of diff.nodes.added) marks[node.id] = 'added';

  const nodes = [...version.nodes, ...diff.nodes.added];
  const onCanvas = new Set(nodes.map((node) => node.id));
  const edgeIds = new Set(version.edges.map((edge) => edge.id));
  const addedEdges = diff.edges.added.filter((edge) => !edgeIds.has(edge.id) && onCanvas.has(edge.source) && onCanvas.has(edge.target));
  return { document: { ...version, nodes, edges: [...version.edges, ...addedEdges] }, marks, label };
}

/** How many nodes carry each mark, for the panel's one-line summary. */
export function countMarks(marks: Readonly<Record<string, DiffMark>>): MarkCounts {
  const counts: MarkCounts = { added: 0, removed: 0, changed: 0 };
  for (const mark of Object.values(marks)) counts[mark] += 1;
  return counts;
}
