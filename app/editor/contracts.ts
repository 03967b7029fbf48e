// The seams between the editor's parts. The canvas (FlowEditor) owns the document, the
// selection and the history; every panel gets what it shows as props and reports edits back
// through callbacks, so each part can be built and tested on its own.
import type { Diagnostic, FlowDocument } from '@/flows';
import type { Locale } from '@/app/i18n/messages';

/** `app/editor/properties/PropertyPanel.tsx`: the selected node's fields, generated from its type's schema. */
export interface PropertyPanelProps {
  /** The whole draft: variables for autocomplete, other node ids, the flow's locale. */
  flow: FlowDocument;
  /** The selected node (always present in `flow.nodes`). */
  nodeId: string;
  /** The validator's diagnostics for this node only (`path` points into `data`). */
  diagnostics: readonly Diagnostic[];
  locale: Locale;
  readOnly: boolean;
  /** Replaces the node's `data`; the canvas records it as one undoable edit (typing is coalesced). */
  onChangeData(data: Record<string, unknown>): void;
}

/** `app/editor/panels/ProblemsPanel.tsx`: the validator's diagnostics for the draft. */
export interface ProblemsPanelProps {
  flow: FlowDocument;
  diagnostics: readonly Diagnostic[];
  locale: Locale;
  /** Selects the node (or the edge's source node) and centres the canvas on it. */
  onSelect(target: { nodeId?: string; edgeId?: string }): void;
}

/** `app/editor/panels/VariablesPanel.tsx`: declared variables and where each is read and written. */
export interface VariablesPanelProps {
  flow: FlowDocument;
  locale: Locale;
  readOnly: boolean;
  /** Replaces `flow.variables` (declare, retype, remove). */
  onChangeVariables(variables: FlowDocument['variables']): void;
  /** Renames a variable in its declaration and wherever nodes write or read it (one undoable edit). */
  onRenameVariable(from: string, to: string): void;
  onSelect(target: { nodeId: string }): void;
}

/** What the simulator shows on the canvas. */
export interface SimulatorTrace {
  /** The node the journey waits in now (top-level node id; a subflow's inner node maps to the subflow node). */
  active: string | null;
  /** Every top-level node entered since the simulation (re)started, in order. */
  path: readonly string[];
  ended: boolean;
}

/** `app/editor/simulator/SimulatorDrawer.tsx`: runs the draft step by step in the browser. */
export interface SimulatorDrawerProps {
  /** The draft as it is in the editor now, unsaved edits included. */
  flow: FlowDocument;
  /** Published flows that subflow nodes may call, by id (the drawer may also fetch them). */
  library: ReadonlyMap<string, FlowDocument>;
  locale: Locale;
  onTrace(trace: SimulatorTrace | null): void;
  onClose(): void;
}

export type DiffMark = 'added' | 'removed' | 'changed';

/** A document shown on the canvas read-only instead of the draft, with nodes marked. */
export interface CanvasPreview {
  document: FlowDocument;
  /** Node id → how it differs from the draft/version it is compared with. */
  marks: Readonly<Record<string, DiffMark>>;
  /** e.g. "Version 3 compared with the draft". */
  label: string;
}

/** `app/editor/versions/VersionsPanel.tsx`: published versions, diff on the canvas, rollback. */
export interface VersionsPanelProps {
  flowId: string;
  /** The editor's draft (the diff's "draft" side includes unsaved edits). */
  draft: FlowDocument;
  locale: Locale;
  canWrite: boolean;
  /** Shows (or with null, stops showing) a version on the canvas with its differences marked. */
  onPreview(preview: CanvasPreview | null): void;
  /** Whether the canvas shows a preview now: "Back to draft" outside the panel ends the comparison. */
  previewShown: boolean;
  /** After a rollback the server's draft changed: the editor reloads it (revision included). */
  onRolledBack(): void;
}
