'use client';
// The flow editor: owns the draft, its history and the selection (see state/), and mounts the
// canvas, the palette, the inspector's panels, the simulator drawer and the dialogs around it.
import { useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { FlowDocument } from '@/flows';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC, useTRPCClient } from '@/app/lib/trpc';
import { FIT_ALL, FlowCanvas } from './canvas/FlowCanvas';
import type { CanvasPreview, SimulatorTrace } from './contracts';
import { autoLayout, type LayoutDirection, type Size } from './state/autoLayout';
import { freeSpot } from './state/documentEdits';
import { editorReducer, initialEditorState } from './state/editorState';
import { canRedo, canUndo } from './state/history';
import { readLocalDraft, recoverLocalDraft } from './state/localDraft';
import { SimulatorDrawer } from './simulator/SimulatorDrawer';
import { PublishDialog, ShortcutsDialog } from './shell/Dialogs';
import { EditorBanners } from './shell/EditorBanners';
import { EditorTopBar } from './shell/EditorTopBar';
import { Inspector, type InspectorTab } from './shell/Inspector';
import { Palette } from './shell/Palette';
import { useAutosave } from './shell/useAutosave';
import { useDiagnostics } from './shell/useDiagnostics';
import { useEditorShortcuts } from './shell/useEditorShortcuts';
import { useLibrary } from './shell/useLibrary';
import { useToast } from './shell/useToast';
import styles from './shell/shell.module.css';

export interface FlowEditorProps {
  flowId: string;
  /** The server's draft and its revision when the page loaded. */
  draft: FlowDocument;
  revision: number;
  locale: Locale;
  /** Designers and admins edit; viewers and agents only look. */
  canWrite: boolean;
}

export function FlowEditor(props: FlowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorShell {...props} />
    </ReactFlowProvider>
  );
}

const NO_MARKS = {};

function EditorShell({ flowId, draft, revision, locale, canWrite }: FlowEditorProps) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const [state, dispatch] = useReducer(editorReducer, draft, initialEditorState);
  const doc = state.history.present;
  const [preview, setPreview] = useState<CanvasPreview | null>(null);
  const [trace, setTrace] = useState<SimulatorTrace | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [tab, setTab] = useState<InspectorTab>('properties');
  const [dialog, setDialog] = useState<'publish' | 'shortcuts' | null>(null);
  const [ready, setReady] = useState(false);
  const [sizes] = useState(() => new Map<string, Size>());
  const canvasArea = useRef<HTMLDivElement>(null);
  const { toast, showToast } = useToast();
  const readOnly = !canWrite || preview !== null;

  const library = useLibrary(flowId);
  const diagnostics = useDiagnostics(doc, library);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const replace = useCallback((next: FlowDocument) => dispatch({ type: 'reset', doc: next }), []);
  const autosave = useAutosave({ flowId, doc, revision, savedDoc: draft, enabled: canWrite, onReplace: replace });

  // Edits this browser kept but the server never got (a closed tab, a conflict) come back.
  const { markConflict } = autosave;
  useEffect(() => {
    if (!canWrite) return;
    const recovery = recoverLocalDraft(readLocalDraft(window.localStorage, flowId), { revision, content: draft });
    if (recovery.kind === 'none') return;
    if (recovery.kind === 'conflict') markConflict();
    dispatch({ type: 'reset', doc: recovery.content });
  }, [canWrite, draft, flowId, revision, markConflict]);

  const focusNode = useCallback(
    (nodeId: string) => {
      dispatch({ type: 'select', selection: { nodes: [nodeId], edges: [] } });
      const node = flow.getInternalNode(nodeId);
      if (!node) return;
      const width = node.measured.width ?? 240;
      const height = node.measured.height ?? 100;
      void flow.setCenter(node.internals.positionAbsolute.x + width / 2, node.internals.positionAbsolute.y + height / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      });
    },
    [flow],
  );
  const selectTarget = useCallback(
    (target: { nodeId?: string; edgeId?: string }) => {
      const nodeId = target.nodeId ?? doc.edges.find((edge) => edge.id === target.edgeId)?.source;
      if (nodeId) focusNode(nodeId);
    },
    [doc.edges, focusNode],
  );

  const addAtCentre = useCallback(
    (type: string) => {
      const box = canvasArea.current?.getBoundingClientRect();
      const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
      dispatch({ type: 'addNode', nodeType: type, position: freeSpot(doc, { x: centre.x - 120, y: centre.y - 40 }) });
    },
    [doc, flow],
  );

  const layout = useCallback(
    (direction: LayoutDirection) => {
      autoLayout(doc, direction, sizes)
        .then((positions) => {
          dispatch({ type: 'applyLayout', positions });
          requestAnimationFrame(() => void flow.fitView({ ...FIT_ALL, duration: 300 }));
        })
        .catch(() => showToast(t(locale, 'editorLayoutFailed')));
    },
    [doc, flow, locale, showToast, sizes],
  );

  const rename = useCallback(
    async (name: string) => {
      try {
        await autosave.saveNow();
        const renamed = await client.flows.rename.mutate({ id: flowId, name });
        autosave.adopt(renamed.draft.revision, doc);
        dispatch({ type: 'rename', name });
      } catch {
        showToast(t(locale, 'editorRenameFailed'));
      }
    },
    [autosave, client, doc, flowId, locale, showToast],
  );

  const publish = useCallback(
    async (note: string) => {
      const saved = await autosave.saveNow();
      const version = await client.flows.publish.mutate({ id: flowId, note, revision: saved });
      setDialog(null);
      showToast(t(locale, 'editorPublished', { version: version.number }));
      // The Versions tab, open or not, lists the new version.
      void queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ id: flowId }) });
    },
    [autosave, client, flowId, locale, queryClient, showToast, trpc],
  );

  const rolledBack = useCallback(async () => {
    try {
      const server = await client.flows.get.query({ id: flowId });
      autosave.adopt(server.draft.revision, server.draft.content);
      setPreview(null);
      dispatch({ type: 'reset', doc: server.draft.content });
    } catch {
      showToast(t(locale, 'editorLoadFailed'));
    }
  }, [autosave, client, flowId, locale, showToast]);

  useEditorShortcuts({
    state,
    readOnly,
    modal: dialog !== null,
    dispatch,
    onHelp: () => setDialog('shortcuts'),
    onEscape: () => (dialog ? setDialog(null) : dispatch({ type: 'select', selection: { nodes: [], edges: [] } })),
    onCopied: (count) => showToast(t(locale, 'editorCopied', { count })),
    onNothingToPaste: () => showToast(t(locale, 'editorPasteEmpty')),
  });

  const onReady = useCallback(() => requestAnimationFrame(() => setReady(true)), []);
  const shown = preview?.document ?? doc;

  return (
    <div className={styles.root} lang={locale} data-editor-ready={ready ? 'true' : 'false'}>
      <EditorTopBar
        locale={locale}
        flowId={flowId}
        name={doc.name}
        readOnly={!canWrite}
        status={autosave.status}
        errorCount={errorCount}
        canUndo={canUndo(state.history)}
        canRedo={canRedo(state.history)}
        hasSelection={state.selection.nodes.length > 0}
        onRename={(name) => void rename(name)}
        onRetry={autosave.retry}
        onUndo={() => dispatch({ type: 'undo' })}
        onRedo={() => dispatch({ type: 'redo' })}
        onDuplicate={() => dispatch({ type: 'duplicate' })}
        onDelete={() => dispatch({ type: 'deleteSelection' })}
        onLayout={layout}
        onShortcuts={() => setDialog('shortcuts')}
        onSimulate={() => setSimulating(true)}
        onPublish={() => setDialog('publish')}
        onShowProblems={() => setTab('problems')}
      />
      <EditorBanners
        locale={locale}
        status={autosave.status}
        preview={preview}
        onKeepMine={() => void autosave.keepMine().catch(() => undefined)}
        onLoadTheirs={() => {
          if (window.confirm(t(locale, 'editorLoadTheirsConfirm'))) void autosave.loadTheirs().catch(() => showToast(t(locale, 'editorLoadFailed')));
        }}
        onBackToDraft={() => setPreview(null)}
      />
      <div className={styles.body}>
        {!readOnly && <Palette locale={locale} onAdd={addAtCentre} />}
        <div className={styles.canvasArea} ref={canvasArea}>
          <FlowCanvas
            doc={shown}
            diagnostics={preview ? [] : diagnostics}
            selection={state.selection}
            locale={locale}
            readOnly={readOnly}
            marks={preview?.marks ?? NO_MARKS}
            trace={preview ? null : trace}
            dispatch={dispatch}
            sizes={sizes}
            onReady={onReady}
          />
        </div>
        <Inspector
          tab={tab}
          onTab={setTab}
          flow={doc}
          selectedNodes={state.selection.nodes}
          diagnostics={diagnostics}
          locale={locale}
          readOnly={readOnly}
          canWrite={canWrite}
          onChangeData={(nodeId, data) => dispatch({ type: 'setNodeData', nodeId, data })}
          onSetConnection={(source, handle, target) =>
            dispatch(
              target === null
                ? { type: 'deleteEdges', edgeIds: doc.edges.filter((edge) => edge.source === source && edge.sourceHandle === handle).map((edge) => edge.id) }
                : { type: 'connect', connection: { source, sourceHandle: handle, target } },
            )
          }
          onChangeVariables={(variables) => dispatch({ type: 'setVariables', variables })}
          onRenameVariable={(from, to) => dispatch({ type: 'renameVariable', from, to })}
          onSelect={selectTarget}
          onPreview={setPreview}
          previewShown={preview !== null}
          onRolledBack={() => void rolledBack()}
        />
      </div>
      {simulating && (
        <div className={styles.drawer}>
          <SimulatorDrawer
            flow={doc}
            library={library}
            locale={locale}
            onTrace={setTrace}
            onClose={() => {
              setSimulating(false);
              setTrace(null);
            }}
          />
        </div>
      )}
      {dialog === 'publish' && <PublishDialog locale={locale} onPublish={publish} onClose={() => setDialog(null)} />}
      {dialog === 'shortcuts' && <ShortcutsDialog locale={locale} onClose={() => setDialog(null)} />}
      {toast && (
        <div className={styles.toast} role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
