// What a node card shows, computed from the catalog alone (pure, so it is unit-tested and a
// node with invalid data still renders: its last valid handles are unknown, so edges keep theirs).
import { localizeDiagnostic, nodeType, type Diagnostic, type NodeCategory } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import type { FlowNode } from '../state/documentEdits';

export interface HandleView {
  id: string;
  label: string;
  active: boolean;
}

export interface NodeView {
  label: string;
  icon: string;
  category: NodeCategory;
  summary: string;
  handles: HandleView[];
  /** The type is known but the data does not match its schema. */
  invalid: boolean;
  /** The type is not in the catalog. */
  unknown: boolean;
}

/** The card of a node: type label and icon, summary, and labelled output handles. */
export function nodeView(node: FlowNode, locale: Locale, edgeHandles: readonly string[] = []): NodeView {
  const spec = nodeType(node.type);
  if (!spec) {
    return { label: node.type, icon: 'alert', category: 'flow', summary: '', handles: extraHandles([], edgeHandles), invalid: false, unknown: true };
  }
  const texts = spec.texts[locale];
  const bound = spec.bind(node.data);
  const base = { label: texts.label, icon: spec.icon, category: spec.category, unknown: false };
  if (!bound.ok) return { ...base, summary: '', handles: extraHandles([], edgeHandles), invalid: true };
  let summary = '';
  try {
    summary = bound.node.summary(locale);
  } catch {
    // A summary is decoration: a surprise in it must not take the canvas down.
    summary = '';
  }
  const handles = bound.node.handles().map((handle) => ({
    id: handle.id,
    label: handle.label || texts.handles?.[handle.id] || handle.id,
    active: handle.active,
  }));
  return { ...base, summary, handles: extraHandles(handles, edgeHandles), invalid: false };
}

/**
 * Handles an edge leaves from that the node does not declare (a renamed option, or data that
 * no longer parses) are still drawn, so the edge stays visible and the problem can be fixed.
 */
function extraHandles(handles: HandleView[], edgeHandles: readonly string[]): HandleView[] {
  const known = new Set(handles.map((handle) => handle.id));
  const extra = [...new Set(edgeHandles)].filter((id) => !known.has(id)).map((id) => ({ id, label: id, active: false }));
  return [...handles, ...extra];
}

/** Whether a single "next" handle needs no label (the card's edge says it all). */
export function isPlainNext(handles: readonly HandleView[]): boolean {
  return handles.length === 1 && handles[0]?.id === 'next';
}

export interface NodeProblems {
  errors: number;
  warnings: number;
  /** The first messages, for the badge's tooltip. */
  messages: string[];
}

/** Diagnostics counted per node (an edge's problem counts on its source node). */
export function problemsByNode(diagnostics: readonly Diagnostic[], edges: readonly { id: string; source: string }[], locale: Locale): Map<string, NodeProblems> {
  const sourceOf = new Map(edges.map((edge) => [edge.id, edge.source]));
  const out = new Map<string, NodeProblems>();
  for (const diag of diagnostics) {
    const nodeId = diag.nodeId ?? (diag.edgeId ? sourceOf.get(diag.edgeId) : undefined);
    if (!nodeId) continue;
    const entry = out.get(nodeId) ?? { errors: 0, warnings: 0, messages: [] };
    if (diag.severity === 'error') entry.errors++;
    else entry.warnings++;
    if (entry.messages.length < 3) entry.messages.push(messageOf(diag, locale));
    out.set(nodeId, entry);
  }
  return out;
}

function messageOf(diag: Diagnostic, locale: Locale): string {
  if (locale === 'en' || !diag.params) return diag.message;
  try {
    return localizeDiagnostic(diag, locale);
  } catch {
    return diag.message;
  }
}
