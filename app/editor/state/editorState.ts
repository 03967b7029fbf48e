// The editor's state as one pure reducer: the draft with its history, and the selection.
// Every document edit goes through `commit`, so each is one undo step.
import { renameVariableInFlow, type FlowDocument } from '@/flows';
import { copySelection, duplicateNodes, pasteInto, type ClipboardContent } from './clipboard';
import {
  addNode,
  changedKeys,
  connect,
  deleteElements,
  moveNodes,
  reconnect,
  setNodeData,
  setVariables,
  type Connection,
  type XY,
} from './documentEdits';
import { commit, createHistory, mapAll, preview, redo, undo, type History } from './history';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

/** The canvas reports selection as changes per element; they apply to the current selection. */
export interface SelectChange {
  id: string;
  selected: boolean;
}

export interface EditorState {
  history: History<FlowDocument>;
  selection: Selection;
}

export type EditorAction =
  | { type: 'addNode'; nodeType: string; position: XY; connectFrom?: { source: string; sourceHandle: string } }
  | { type: 'move'; positions: ReadonlyMap<string, XY>; final: boolean }
  | { type: 'connect'; connection: Connection }
  | { type: 'reconnect'; edgeId: string; connection: Connection }
  | { type: 'deleteSelection' }
  | { type: 'deleteEdges'; edgeIds: readonly string[] }
  | { type: 'setNodeData'; nodeId: string; data: Record<string, unknown> }
  | { type: 'setVariables'; variables: FlowDocument['variables'] }
  | { type: 'renameVariable'; from: string; to: string }
  | { type: 'duplicate' }
  | { type: 'paste'; content: ClipboardContent }
  | { type: 'applyLayout'; positions: ReadonlyMap<string, XY> }
  | { type: 'select'; selection: Selection }
  | { type: 'selectDelta'; nodes?: readonly SelectChange[]; edges?: readonly SelectChange[] }
  | { type: 'selectAll' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'rename'; name: string }
  | { type: 'reset'; doc: FlowDocument };

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export function initialEditorState(doc: FlowDocument): EditorState {
  return { history: createHistory(doc), selection: EMPTY_SELECTION };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const doc = state.history.present;
  const edit = (next: FlowDocument, selection = state.selection, key: string | null = null): EditorState => ({
    history: commit(state.history, next, key),
    selection,
  });
  switch (action.type) {
    case 'addNode': {
      const added = addNode(doc, action.nodeType, action.position);
      const next = action.connectFrom ? connect(added.doc, { ...action.connectFrom, target: added.id }) : added.doc;
      return edit(next, { nodes: [added.id], edges: [] });
    }
    case 'move': {
      const moved = moveNodes(doc, action.positions);
      if (!action.final) return { ...state, history: preview(state.history, moved) };
      return { ...state, history: commit(state.history, moved) };
    }
    case 'connect':
      return edit(connect(doc, action.connection));
    case 'reconnect':
      return edit(reconnect(doc, action.edgeId, action.connection));
    case 'deleteSelection':
      return edit(deleteElements(doc, state.selection), EMPTY_SELECTION);
    case 'deleteEdges':
      return edit(deleteElements(doc, { nodes: [], edges: action.edgeIds }), {
        ...state.selection,
        edges: state.selection.edges.filter((id) => !action.edgeIds.includes(id)),
      });
    case 'setNodeData': {
      const before = doc.nodes.find((node) => node.id === action.nodeId);
      if (!before) return state;
      // Typing into one field again and again is one step: the key names the node and the fields touched.
      const key = `data:${action.nodeId}:${changedKeys(before.data, action.data).join(',')}`;
      return edit(setNodeData(doc, action.nodeId, action.data), state.selection, key);
    }
    case 'setVariables':
      return edit(setVariables(doc, action.variables), state.selection, 'variables');
    case 'renameVariable':
      return edit(renameVariableInFlow(doc, action.from, action.to), state.selection);
    case 'duplicate': {
      if (state.selection.nodes.length === 0) return state;
      const result = duplicateNodes(doc, state.selection.nodes);
      return edit(result.doc, { nodes: result.pasted, edges: [] });
    }
    case 'paste': {
      const result = pasteInto(doc, action.content);
      if (result.pasted.length === 0) return state;
      return edit(result.doc, { nodes: result.pasted, edges: [] });
    }
    case 'applyLayout':
      return edit(moveNodes(doc, action.positions));
    case 'select':
      return { ...state, selection: action.selection };
    case 'selectDelta':
      return {
        ...state,
        selection: { nodes: applySelect(state.selection.nodes, action.nodes), edges: applySelect(state.selection.edges, action.edges) },
      };
    case 'selectAll':
      return { ...state, selection: { nodes: doc.nodes.map((node) => node.id), edges: doc.edges.map((edge) => edge.id) } };
    case 'undo':
      return withValidSelection({ ...state, history: undo(state.history) });
    case 'redo':
      return withValidSelection({ ...state, history: redo(state.history) });
    case 'rename':
      return { ...state, history: mapAll(state.history, (version) => ({ ...version, name: action.name })) };
    case 'reset':
      return initialEditorState(action.doc);
    default:
      return exhaustive(action);
  }
}

/** What Ctrl+C puts on the clipboard: the selected nodes and the edges among them. */
export function clipboardOf(state: EditorState): ClipboardContent | undefined {
  if (state.selection.nodes.length === 0) return undefined;
  return copySelection(state.history.present, state.selection.nodes);
}

function applySelect(current: readonly string[], changes: readonly SelectChange[] = []): readonly string[] {
  if (changes.length === 0) return current;
  const chosen = new Set(current);
  for (const change of changes) {
    if (change.selected) chosen.add(change.id);
    else chosen.delete(change.id);
  }
  return [...chosen];
}

/** After undo/redo, forget selected elements that no longer exist. */
function withValidSelection(state: EditorState): EditorState {
  const doc = state.history.present;
  const nodes = new Set(doc.nodes.map((node) => node.id));
  const edges = new Set(doc.edges.map((edge) => edge.id));
  return {
    ...state,
    selection: { nodes: state.selection.nodes.filter((id) => nodes.has(id)), edges: state.selection.edges.filter((id) => edges.has(id)) },
  };
}

function exhaustive(value: never): never {
  throw new Error(`unhandled editor action ${JSON.stringify(value)}`);
}
