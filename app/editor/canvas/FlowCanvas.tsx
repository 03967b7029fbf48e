'use client';
// The React Flow canvas, controlled by the editor state: every change React Flow reports
// becomes an editor action (one undo step per drag, connect, reconnect), nothing is kept twice.
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useState, useSyncExternalStore, type DragEvent } from 'react';
import { NODE_CATEGORIES, nodeType, type Diagnostic, type FlowDocument, type NodeCategory } from '@/flows';
import { t, type Locale } from '@/app/i18n/messages';
import type { DiffMark, SimulatorTrace } from '../contracts';
import type { Size } from '../state/autoLayout';
import type { EditorAction, Selection } from '../state/editorState';
import type { XY } from '../state/documentEdits';
import { CanvasActionsContext, type CanvasActions } from './canvasActions';
import { canvasEdges, canvasNodes, type NodeCache } from './canvasModel';
import type { CanvasEdge, CanvasNode } from './canvasTypes';
import { nodeTypes } from './NodeCard';
import { problemsByNode } from './nodeView';
import { TypePicker } from './TypePicker';
import '@xyflow/react/dist/style.css';
import styles from './canvas.module.css';

/** The drag payload type of a palette item. */
export const PALETTE_MIME = 'application/x-switchboard-node';

const CATEGORY_COLOURS: Record<NodeCategory, string> = {
  flow: '#64748b',
  messaging: '#2563eb',
  logic: '#d97706',
  integration: '#7c3aed',
  people: '#059669',
};

function categoryColour(type: string | undefined): string {
  const category = NODE_CATEGORIES.find((name) => name === type);
  return CATEGORY_COLOURS[category ?? 'flow'];
}

/**
 * Fitting counts every node: React Flow's default counts measured ones only, and cards out of
 * view are not drawn, hence not measured, until scrolled to (canvasModel's estimated handles);
 * their initial size stands in. (No node is ever hidden, which is what the option's name is about.)
 */
export const FIT_ALL = { padding: 0.2, maxZoom: 1, includeHiddenNodes: true };

/**
 * A large flow opens readable rather than entirely in view: below this zoom the cards cannot be
 * read, and fitting 1,000 of them would draw every one.
 */
const FIT_VIEW = { ...FIT_ALL, minZoom: 0.4 };

export interface FlowCanvasProps {
  doc: FlowDocument;
  diagnostics: readonly Diagnostic[];
  selection: Selection;
  locale: Locale;
  readOnly: boolean;
  marks: Readonly<Record<string, DiffMark>>;
  trace: SimulatorTrace | null;
  dispatch(action: EditorAction): void;
  /** Sizes React Flow measured, kept by the editor for auto-layout. */
  sizes: Map<string, Size>;
  onReady(): void;
}

const noSubscription = () => () => undefined;

/**
 * True in the browser, false while the server renders: the canvas is drawn by the browser only,
 * which knows its size (what to fit, which nodes are visible); rendering a large flow on the
 * server would send every node's markup for nothing.
 */
function useInBrowser(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export function FlowCanvas({ doc, diagnostics, selection, locale, readOnly, marks, trace, dispatch, sizes, onReady }: FlowCanvasProps) {
  const { screenToFlowPosition } = useReactFlow();
  const inBrowser = useInBrowser();
  // A memo cache, not state: it only lets unchanged nodes keep their object identity.
  const [cache] = useState<NodeCache>(() => new Map());
  // Fit once, to the nodes the flow opened with: React Flow would otherwise fit the first node
  // dropped on an empty canvas and jump the view under the designer's pointer.
  const [fitOnOpen] = useState(() => doc.nodes.length > 0);
  const [picker, setPicker] = useState<{ nodeId: string; handleId: string; at: XY } | null>(null);

  const problems = useMemo(() => problemsByNode(diagnostics, doc.edges, locale), [diagnostics, doc.edges, locale]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(
    () => canvasNodes({ doc, locale, problems, selectedNodes, selectedEdges, marks, trace, readOnly }, cache, sizes),
    [doc, locale, problems, selectedNodes, selectedEdges, marks, trace, readOnly, cache, sizes],
  );
  const edges = useMemo(() => canvasEdges({ doc, selectedEdges, trace, readOnly }), [doc, selectedEdges, trace, readOnly]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions = new Map<string, XY>();
      let dragEnded = false;
      const selects: { id: string; selected: boolean }[] = [];
      for (const change of changes) {
        if (change.type === 'position') {
          if (change.position) positions.set(change.id, { x: Math.round(change.position.x), y: Math.round(change.position.y) });
          if (change.dragging === false) dragEnded = true;
        } else if (change.type === 'select') {
          selects.push({ id: change.id, selected: change.selected });
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes.set(change.id, change.dimensions);
        }
      }
      if (!readOnly && (positions.size > 0 || dragEnded)) dispatch({ type: 'move', positions, final: dragEnded });
      if (selects.length > 0) dispatch({ type: 'selectDelta', nodes: selects });
    },
    [dispatch, readOnly, sizes],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const selects = changes.flatMap((change) => (change.type === 'select' ? [{ id: change.id, selected: change.selected }] : []));
      if (selects.length > 0) dispatch({ type: 'selectDelta', edges: selects });
    },
    [dispatch],
  );

  const onConnect = useCallback((connection: Connection) => dispatch({ type: 'connect', connection }), [dispatch]);
  const onReconnect = useCallback(
    (edge: CanvasEdge, connection: Connection) => dispatch({ type: 'reconnect', edgeId: edge.id, connection }),
    [dispatch],
  );
  const isValidConnection = useCallback((c: { source: string; target: string }) => c.source !== c.target, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || !nodeType(type)) return;
      event.preventDefault();
      // The pointer is where the card's header lands, as if held by its top-left corner area.
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      dispatch({ type: 'addNode', nodeType: type, position: { x: at.x - 20, y: at.y - 16 } });
    },
    [dispatch, screenToFlowPosition],
  );

  const actions = useMemo<CanvasActions>(
    () => ({ openPicker: (nodeId, handleId, at) => setPicker({ nodeId, handleId, at }) }),
    [],
  );
  const pick = useCallback(
    (type: string) => {
      if (!picker) return;
      const source = doc.nodes.find((node) => node.id === picker.nodeId);
      const width = sizes.get(picker.nodeId)?.width ?? 240;
      const position = source ? { x: source.position.x + width + 80, y: source.position.y } : { x: 0, y: 0 };
      dispatch({ type: 'addNode', nodeType: type, position, connectFrom: { source: picker.nodeId, sourceHandle: picker.handleId } });
      setPicker(null);
    },
    [dispatch, doc.nodes, picker, sizes],
  );

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className={styles.canvasWrap} onDragOver={onDragOver} onDrop={onDrop}>
        {inBrowser && (
        <ReactFlow<CanvasNode, CanvasEdge>
          aria-label={t(locale, 'editorCanvas')}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={readOnly ? undefined : onConnect}
          onReconnect={readOnly ? undefined : onReconnect}
          isValidConnection={isValidConnection}
          onInit={onReady}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          elementsSelectable
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          selectionOnDrag={false}
          onlyRenderVisibleElements
          minZoom={0.1}
          maxZoom={2}
          fitView={fitOnOpen}
          fitViewOptions={FIT_VIEW}
          defaultEdgeOptions={{ type: 'smoothstep' }}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          <Controls showInteractive={false} fitViewOptions={FIT_ALL} />
          <MiniMap
            pannable
            zoomable
            ariaLabel={t(locale, 'editorMinimap')}
            nodeColor={(node) => categoryColour(node.type)}
            nodeStrokeWidth={0}
          />
        </ReactFlow>
        )}
        {doc.nodes.length === 0 && (
          <div className={styles.emptyHint}>
            <span>{t(locale, 'editorEmptyCanvas')}</span>
          </div>
        )}
        {picker && <TypePicker locale={locale} at={picker.at} onPick={pick} onClose={() => setPicker(null)} />}
      </div>
    </CanvasActionsContext.Provider>
  );
}
