// The shapes React Flow carries for us: a card per flow node, typed by the node's category.
import type { Edge, Node } from '@xyflow/react';
import type { NodeCategory } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import type { DiffMark } from '../contracts';
import type { FlowNode } from '../state/documentEdits';
import type { NodeProblems } from './nodeView';

export type TraceState = 'active' | 'path';

export interface CanvasNodeData extends Record<string, unknown> {
  node: FlowNode;
  locale: Locale;
  problems: NodeProblems | undefined;
  mark: DiffMark | undefined;
  trace: TraceState | undefined;
  readOnly: boolean;
  /** Handles with an edge, joined by spaces (a string keeps the memo comparison cheap). */
  connected: string;
}

export type CanvasNode = Node<CanvasNodeData, NodeCategory>;
export type CanvasEdge = Edge;
