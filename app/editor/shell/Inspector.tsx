'use client';
// The right sidebar: Properties of the single selected node, Problems (with the error count),
// Variables and Versions, as tabs.
import { useMemo, type KeyboardEvent } from 'react';
import type { Diagnostic, FlowDocument } from '@/flows';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { VariablesPanel } from '../panels/VariablesPanel';
import { ConnectionsSection } from '../properties/ConnectionsSection';
import { PropertyPanel } from '../properties/PropertyPanel';
import { VersionsPanel } from '../versions/VersionsPanel';
import type { CanvasPreview } from '../contracts';
import styles from './shell.module.css';

export type InspectorTab = 'properties' | 'problems' | 'variables' | 'versions';
const TABS: readonly { id: InspectorTab; label: MessageKey }[] = [
  { id: 'properties', label: 'editorTabProperties' },
  { id: 'problems', label: 'editorTabProblems' },
  { id: 'variables', label: 'editorTabVariables' },
  { id: 'versions', label: 'editorTabVersions' },
];

export interface InspectorProps {
  tab: InspectorTab;
  onTab(tab: InspectorTab): void;
  flow: FlowDocument;
  selectedNodes: readonly string[];
  diagnostics: readonly Diagnostic[];
  locale: Locale;
  readOnly: boolean;
  canWrite: boolean;
  onChangeData(nodeId: string, data: Record<string, unknown>): void;
  /** Points a handle of the node at another node (null: disconnects it). */
  onSetConnection(nodeId: string, handle: string, target: string | null): void;
  onChangeVariables(variables: FlowDocument['variables']): void;
  onRenameVariable(from: string, to: string): void;
  onSelect(target: { nodeId?: string; edgeId?: string }): void;
  onPreview(preview: CanvasPreview | null): void;
  previewShown: boolean;
  onRolledBack(): void;
}

export function Inspector(props: InspectorProps) {
  const { tab, locale, flow, diagnostics } = props;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const selected = props.selectedNodes.length === 1 ? props.selectedNodes[0] : undefined;
  const selectedExists = selected !== undefined && flow.nodes.some((node) => node.id === selected);
  const nodeDiagnostics = useMemo(() => diagnostics.filter((d) => d.nodeId === selected), [diagnostics, selected]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex((entry) => entry.id === tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) props.onTab(next.id);
  };

  return (
    <aside className={styles.sidebar} aria-label={t(locale, 'editorSidebar')}>
      <div className={styles.tabs} role="tablist" onKeyDown={onKeyDown}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`editor-tab-${entry.id}`}
            aria-selected={tab === entry.id}
            aria-controls="editor-tabpanel"
            tabIndex={tab === entry.id ? 0 : -1}
            className={styles.tab}
            onClick={() => props.onTab(entry.id)}
          >
            {t(locale, entry.label)}
            {entry.id === 'problems' && diagnostics.length > 0 && (
              <span className={`${styles.count} ${errors > 0 ? styles.countError : ''}`} data-testid="problem-count">
                {errors > 0 ? errors : diagnostics.length}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className={styles.tabPanel} role="tabpanel" id="editor-tabpanel" aria-labelledby={`editor-tab-${tab}`}>
        {tab === 'properties' &&
          (selected !== undefined && selectedExists ? (
            <>
              <PropertyPanel
                key={selected}
                flow={flow}
                nodeId={selected}
                diagnostics={nodeDiagnostics}
                locale={locale}
                readOnly={props.readOnly}
                onChangeData={(data) => props.onChangeData(selected, data)}
              />
              <ConnectionsSection
                flow={flow}
                nodeId={selected}
                locale={locale}
                readOnly={props.readOnly}
                onSetConnection={(handle, target) => props.onSetConnection(selected, handle, target)}
              />
            </>
          ) : (
            <p className={styles.emptyState}>
              {props.selectedNodes.length > 1 ? t(locale, 'editorMultiSelection', { count: props.selectedNodes.length }) : t(locale, 'editorNoSelection')}
            </p>
          ))}
        {tab === 'problems' && <ProblemsPanel flow={flow} diagnostics={diagnostics} locale={locale} onSelect={props.onSelect} />}
        {tab === 'variables' && (
          <VariablesPanel
            flow={flow}
            locale={locale}
            readOnly={props.readOnly}
            onChangeVariables={props.onChangeVariables}
            onRenameVariable={props.onRenameVariable}
            onSelect={props.onSelect}
          />
        )}
        {tab === 'versions' && (
          <VersionsPanel
            flowId={flow.id}
            draft={flow}
            locale={locale}
            canWrite={props.canWrite}
            onPreview={props.onPreview}
            previewShown={props.previewShown}
            onRolledBack={props.onRolledBack}
          />
        )}
      </div>
    </aside>
  );
}
