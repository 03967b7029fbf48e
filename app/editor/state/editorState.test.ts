import { describe, expect, it } from 'vitest';
import { clipboardOf, editorReducer, initialEditorState, type EditorAction, type EditorState } from './editorState';
import { sampleFlow } from './testDocs';

function run(...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, initialEditorState(sampleFlow()));
}
const doc = (state: EditorState) => state.history.present;

describe('editor state', () => {
  it('adds a node and connects it from a handle in one undo step', () => {
    const state = run({ type: 'addNode', nodeType: 'message', position: { x: 0, y: 0 }, connectFrom: { source: 'menu', sourceHandle: 'balance' } });
    expect(state.selection.nodes).toEqual(['message']);
    expect(doc(state).edges.at(-1)).toMatchObject({ source: 'menu', sourceHandle: 'balance', target: 'message' });
    expect(doc(editorReducer(state, { type: 'undo' }))).toEqual(sampleFlow());
  });

  it('records one step per drag', () => {
    const at = (x: number) => new Map([['end', { x, y: 0 }]]);
    const state = run(
      { type: 'move', positions: at(610), final: false },
      { type: 'move', positions: at(620), final: false },
      { type: 'move', positions: at(630), final: true },
    );
    expect(state.history.past).toHaveLength(1);
    expect(doc(editorReducer(state, { type: 'undo' })).nodes[2]?.position.x).toBe(600);
  });

  it('coalesces typing into one field and splits another field', () => {
    const data = (prompt: string, extra = {}) => ({ ...sampleFlow().nodes[1]!.data, prompt, ...extra });
    const state = run(
      { type: 'setNodeData', nodeId: 'menu', data: data('P') },
      { type: 'setNodeData', nodeId: 'menu', data: data('Pr') },
      { type: 'setNodeData', nodeId: 'menu', data: data('Pr', { timeout: '5s' }) },
    );
    expect(state.history.past).toHaveLength(2);
    const once = editorReducer(state, { type: 'undo' });
    expect(doc(once).nodes[1]?.data.prompt).toBe('Pr');
    expect(doc(editorReducer(once, { type: 'undo' })).nodes[1]?.data.prompt).toBe('Press 1');
  });

  it('deletes the selection as one step and clears it; undo brings it back', () => {
    const state = run({ type: 'select', selection: { nodes: ['menu'], edges: [] } }, { type: 'deleteSelection' });
    expect(doc(state).nodes).toHaveLength(2);
    expect(doc(state).edges).toHaveLength(0);
    expect(state.selection.nodes).toEqual([]);
    expect(doc(editorReducer(state, { type: 'undo' }))).toEqual(sampleFlow());
  });

  it('deletes an edge, reconnects and sets variables as undoable edits', () => {
    const variables = { last4: { type: 'string' } };
    const state = run(
      { type: 'deleteEdges', edgeIds: ['menu-lost-end'] },
      { type: 'reconnect', edgeId: 'start-next-menu', connection: { source: 'start', sourceHandle: 'next', target: 'end' } },
      { type: 'setVariables', variables },
    );
    expect(doc(state).edges.map((e) => e.id)).toEqual(['start-next-end']);
    expect(doc(state).variables).toEqual(variables);
    expect(state.history.past).toHaveLength(3);
  });

  it('renames a variable in its declaration and the nodes that name it, undone in one step', () => {
    const declared = run(
      { type: 'setVariables', variables: { last4: { type: 'string' } } },
      { type: 'setNodeData', nodeId: 'end', data: { outcome: 'resolved', text: 'Card {{ vars.last4 }} blocked' } },
    );
    const renamed = editorReducer(declared, { type: 'renameVariable', from: 'last4', to: 'cardDigits' });
    expect(Object.keys(doc(renamed).variables)).toEqual(['cardDigits']);
    expect(doc(renamed).nodes.find((node) => node.id === 'end')?.data).toMatchObject({ text: 'Card {{ vars.cardDigits }} blocked' });
    expect(doc(editorReducer(renamed, { type: 'undo' }))).toEqual(doc(declared));
  });

  it('duplicates and pastes the selection, selecting the copies', () => {
    const selected = run({ type: 'select', selection: { nodes: ['menu', 'end'], edges: [] } });
    const content = clipboardOf(selected);
    expect(content?.nodes).toHaveLength(2);
    const duplicated = editorReducer(selected, { type: 'duplicate' });
    expect(duplicated.selection.nodes).toEqual(['menu-2', 'end-2']);
    const pasted = editorReducer(duplicated, { type: 'paste', content: content! });
    expect(pasted.selection.nodes).toEqual(['menu-3', 'end-3']);
    expect(pasted.history.past).toHaveLength(2);
  });

  it('applies a layout as one step and redoes it', () => {
    const state = run({ type: 'applyLayout', positions: new Map([['start', { x: 5, y: 5 }], ['end', { x: 9, y: 9 }]]) });
    const undone = editorReducer(state, { type: 'undo' });
    expect(doc(undone).nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(doc(editorReducer(undone, { type: 'redo' })).nodes[0]?.position).toEqual({ x: 5, y: 5 });
  });

  it('selects all, and forgets selected nodes an undo removed', () => {
    const added = run({ type: 'addNode', nodeType: 'end', position: { x: 0, y: 0 } }, { type: 'selectAll' });
    expect(added.selection.nodes).toHaveLength(4);
    expect(editorReducer(added, { type: 'undo' }).selection.nodes).toHaveLength(3);
  });

  it('renames every step so undo does not bring the old name back', () => {
    const state = run({ type: 'addNode', nodeType: 'end', position: { x: 0, y: 0 } }, { type: 'rename', name: 'New' });
    expect(doc(editorReducer(state, { type: 'undo' })).name).toBe('New');
  });

  it('applies selection changes to the current selection', () => {
    const state = run(
      { type: 'selectDelta', nodes: [{ id: 'menu', selected: true }, { id: 'end', selected: true }] },
      { type: 'selectDelta', nodes: [{ id: 'menu', selected: false }], edges: [{ id: 'menu-lost-end', selected: true }] },
    );
    expect(state.selection).toEqual({ nodes: ['end'], edges: ['menu-lost-end'] });
  });
});
