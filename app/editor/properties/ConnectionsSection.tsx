'use client';
// The selected node's output handles, each with the node it leads to: connecting two existing
// nodes from the keyboard (Twilio Studio's "Transitions"), and a readable list of where a node
// goes that a busy canvas hides.
import { useMemo } from 'react';
import { nodeType, type FlowDocument } from '@/flows';
import { t, type Locale } from '@/app/i18n/messages';
import { nodeView } from '../canvas/nodeView';
import styles from './properties.module.css';

export interface ConnectionsSectionProps {
  flow: FlowDocument;
  nodeId: string;
  locale: Locale;
  readOnly: boolean;
  /** Points the handle at `target`, replacing its edge; null removes the edge. */
  onSetConnection(handle: string, target: string | null): void;
}

export function ConnectionsSection({ flow, nodeId, locale, readOnly, onSetConnection }: ConnectionsSectionProps) {
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  const targets = useMemo(
    () =>
      flow.nodes
        .filter((candidate) => candidate.type !== 'start' && candidate.id !== nodeId)
        .map((candidate) => ({ id: candidate.id, label: `${candidate.id} · ${nodeType(candidate.type)?.texts[locale].label ?? candidate.type}` })),
    [flow.nodes, nodeId, locale],
  );
  if (!node) return null;
  const outgoing = flow.edges.filter((edge) => edge.source === nodeId);
  const handles = nodeView(node, locale, outgoing.map((edge) => edge.sourceHandle)).handles;
  if (handles.length === 0) return null;
  const titleId = `connections-${nodeId}`;
  return (
    <section className={styles.connections} aria-labelledby={titleId}>
      <h3 id={titleId} className={styles.connectionsTitle}>
        {t(locale, 'propsConnections')}
      </h3>
      <div className={styles.fields}>
        {handles.map((handle) => {
          const target = outgoing.find((edge) => edge.sourceHandle === handle.id)?.target ?? '';
          const selectId = `${titleId}-${handle.id}`;
          return (
            <div key={handle.id} className={styles.row} data-handle={handle.id}>
              <label className={`${styles.labelCell} ${styles.label}`} htmlFor={selectId}>
                {handle.label}
              </label>
              <select
                id={selectId}
                className={styles.select}
                value={target}
                disabled={readOnly}
                aria-label={t(locale, 'propsConnectionOf', { handle: handle.label })}
                onChange={(event) => onSetConnection(handle.id, event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{t(locale, 'propsNotConnected')}</option>
                {targets.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </section>
  );
}
