import type { FlowDocument, FlowEdge, FlowNode } from '../schema/flow';
import { deepEqual } from './deepEqual';
import { diffValues, type FieldChange } from './diffValues';
import { matchById } from './matchById';

export type { FieldChange } from './diffValues';

/** A node present in both documents that differs; `type` is its type in `after`. */
export interface NodeChange {
  id: string;
  type: string;
  fields: FieldChange[];
}

/** An edge present in both documents (same id) that differs. */
export interface EdgeChange {
  id: string;
  fields: FieldChange[];
}

/** What changed between two versions of a flow; see `diffFlows`. */
export interface FlowDiff {
  /** Document fields other than `format`, `id`, `nodes` and `edges` (`name`, `variables.last4`, …). */
  flow: FieldChange[];
  nodes: { added: FlowNode[]; removed: FlowNode[]; changed: NodeChange[] };
  edges: { added: FlowEdge[]; removed: FlowEdge[]; changed: EdgeChange[] };
}

/**
 * Compares two versions of a flow, for review before publishing and for change history.
 * Nodes and edges are matched by id; added and changed ones keep the order of `after`, removed
 * ones the order of `before`. Field paths are dotted and relative to their node, edge or
 * document:
 * - `type`, and `position` as one change holding both `{ x, y }` (a drag is one move);
 * - `data.prompt`, `data.prompt.th-TH`, `data.keys[1]` (arrays by index);
 * - `data.options[id=lost].label` when every item of both arrays has a unique string `id`;
 *   an item added or removed is a change of `data.options[id=lost]` with `undefined` on the
 *   missing side, and a reorder is one change of `data.options` holding both id lists;
 * - a value that changes kind (a Text `"Hi"` → `{ "en-US": "Hi", "th-TH": "…" }`) is one change.
 * Keys are visited in sorted order, so the output does not depend on key order in the files.
 *
 * @example
 * const before = FlowDocument.parse(json);
 * const after = FlowDocument.parse({ ...json, name: 'Lost card (v2)' });
 * diffFlows(before, after).flow // [{ path: 'name', before: 'Lost card', after: 'Lost card (v2)' }]
 * isEmptyDiff(diffFlows(before, before)) // true
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const nodes = matchById(before.nodes, after.nodes);
  const edges = matchById(before.edges, after.edges);
  return {
    flow: diffValues('', documentFields(before), documentFields(after)),
    nodes: {
      added: nodes.added,
      removed: nodes.removed,
      changed: nodes.pairs.flatMap(([b, a]) => {
        const fields = diffNode(b, a);
        return fields.length > 0 ? [{ id: a.id, type: a.type, fields }] : [];
      }),
    },
    edges: {
      added: edges.added,
      removed: edges.removed,
      changed: edges.pairs.flatMap(([b, a]) => {
        const fields = diffValues('', edgeFields(b), edgeFields(a));
        return fields.length > 0 ? [{ id: a.id, fields }] : [];
      }),
    },
  };
}

/**
 * True when `diffFlows` found nothing: the two documents mean the same flow.
 *
 * @example isEmptyDiff(diffFlows(flow, flow)) // true
 */
export function isEmptyDiff(diff: FlowDiff): boolean {
  const { nodes, edges } = diff;
  return [diff.flow, nodes.added, nodes.removed, nodes.changed, edges.added, edges.removed, edges.changed].every(
    (list) => list.length === 0,
  );
}

function diffNode(before: FlowNode, after: FlowNode): FieldChange[] {
  // Position is reported whole: x and y move together, and a reviewer only needs "moved".
  const moved = deepEqual(before.position, after.position)
    ? []
    : [{ path: 'position', before: before.position, after: after.position }];
  return [...diffValues('type', before.type, after.type), ...moved, ...diffValues('data', before.data, after.data)];
}

/** The document minus what is diffed elsewhere (nodes, edges) or identifies it (format, id). */
function documentFields({ format: _format, id: _id, nodes: _nodes, edges: _edges, ...fields }: FlowDocument) {
  return fields;
}

/** React Flow writes `targetHandle: null` for "no handle"; absent means the same, so it is no change. */
function edgeFields({ targetHandle, ...edge }: FlowEdge) {
  return { ...edge, targetHandle: targetHandle ?? undefined };
}
