'use client';
// One memoized card component per catalog category: coloured header with the type's icon and
// label, the node id, its summary, its labelled output handles and its validation badge.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type ComponentType } from 'react';
import type { NodeCategory } from '@/flows';
import { t } from '@/app/i18n/messages';
import type { CanvasNode } from './canvasTypes';
import { useCanvasActions } from './canvasActions';
import { Icon } from './Icon';
import { isPlainNext, nodeView } from './nodeView';
import styles from './canvas.module.css';

function NodeCard({ id, data, selected, category }: NodeProps<CanvasNode> & { category: NodeCategory }) {
  const { node, locale, problems, mark, trace, readOnly, connected } = data;
  const edgeHandles = useMemo(() => (connected ? connected.split(' ') : []), [connected]);
  const view = useMemo(() => nodeView(node, locale, edgeHandles), [node, locale, edgeHandles]);
  const { openPicker } = useCanvasActions();
  const plain = isPlainNext(view.handles);
  const classes = [
    styles.node,
    styles[`cat-${category}`],
    selected ? styles.selected : '',
    trace === 'active' ? styles.traceActive : trace === 'path' ? styles.tracePath : '',
    mark ? styles[`mark-${mark}`] : '',
    problems && problems.errors > 0 ? styles.hasError : '',
  ].join(' ');

  return (
    <div className={classes} data-node-id={id} data-node-type={node.type} data-trace={trace} data-mark={mark}>
      {node.type !== 'start' && <Handle type="target" position={Position.Left} className={styles.targetHandle} isConnectable={!readOnly} />}
      <div className={styles.header}>
        <span className={styles.icon}>
          <Icon name={view.icon} size={14} />
        </span>
        <span className={styles.typeLabel}>{view.label}</span>
        <span className={styles.nodeId}>{id}</span>
        {problems && (problems.errors > 0 || problems.warnings > 0) && (
          <span
            className={problems.errors > 0 ? styles.badgeError : styles.badgeWarning}
            title={problems.messages.join('\n')}
            role="img"
            aria-label={
              problems.errors > 0
                ? t(locale, 'editorNodeErrors', { count: problems.errors })
                : t(locale, 'editorNodeWarnings', { count: problems.warnings })
            }
          >
            {problems.errors > 0 ? problems.errors : problems.warnings}
          </span>
        )}
      </div>
      {mark && <div className={styles.markLabel}>{t(locale, mark === 'added' ? 'editorDiffAdded' : mark === 'removed' ? 'editorDiffRemoved' : 'editorDiffChanged')}</div>}
      {view.unknown && <div className={styles.invalid}>{t(locale, 'editorUnknownType', { type: node.type })}</div>}
      {view.invalid && <div className={styles.invalid}>{t(locale, 'editorNodeInvalid')}</div>}
      {view.summary && <div className={styles.summary}>{view.summary}</div>}
      {view.handles.length > 0 && (
        <div className={plain ? styles.plainHandles : styles.handles}>
          {view.handles.map((handle) => {
            const isConnected = edgeHandles.includes(handle.id);
            return (
              <div key={handle.id} className={`${styles.handleRow} ${handle.active ? '' : styles.inactive}`} data-handle={handle.id}>
                {!plain && <span className={styles.handleLabel}>{handle.label}</span>}
                {!readOnly && !isConnected && (
                  <button
                    type="button"
                    className={`${styles.addAfter} nodrag nopan`}
                    aria-label={t(locale, 'editorAddAfter', { handle: handle.label })}
                    title={t(locale, 'editorAddAfter', { handle: handle.label })}
                    onClick={(event) => {
                      event.stopPropagation();
                      const box = event.currentTarget.getBoundingClientRect();
                      openPicker(id, handle.id, { x: box.right + 8, y: box.top });
                    }}
                  >
                    <Icon name="plus" size={10} />
                  </button>
                )}
                <Handle type="source" id={handle.id} position={Position.Right} className={styles.sourceHandle} isConnectable={!readOnly} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

function categoryNode(category: NodeCategory): ComponentType<NodeProps<CanvasNode>> {
  const Component = memo(function CategoryNode(props: NodeProps<CanvasNode>) {
    return <NodeCard {...props} category={category} />;
  });
  Component.displayName = `${category}Node`;
  return Component;
}

/** Module scope, as React Flow asks: a new object per render would remount every node. */
export const nodeTypes = {
  flow: categoryNode('flow'),
  messaging: categoryNode('messaging'),
  logic: categoryNode('logic'),
  integration: categoryNode('integration'),
  people: categoryNode('people'),
} satisfies Record<NodeCategory, ComponentType<NodeProps<CanvasNode>>>;
