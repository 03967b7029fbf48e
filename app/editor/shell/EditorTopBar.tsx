'use client';
// The editor's top bar: back to the flows, the name (renamed inline), the save state, the
// editing tools, the language switcher, Simulate and Publish (disabled with its reason while
// there are errors).
import Link from 'next/link';
import { useRef, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { LanguageSwitcher } from '@/app/ui/LanguageSwitcher';
import { Icon } from '../canvas/Icon';
import type { SaveStatus } from './useAutosave';
import styles from './shell.module.css';

export interface EditorTopBarProps {
  locale: Locale;
  flowId: string;
  name: string;
  readOnly: boolean;
  status: SaveStatus;
  errorCount: number;
  canUndo: boolean;
  canRedo: boolean;
  hasSelection: boolean;
  onRename(name: string): void;
  onRetry(): void;
  onUndo(): void;
  onRedo(): void;
  onDuplicate(): void;
  onDelete(): void;
  onLayout(direction: 'RIGHT' | 'DOWN'): void;
  onShortcuts(): void;
  onSimulate(): void;
  onPublish(): void;
  onShowProblems(): void;
}

const STATUS_KEYS = {
  saved: 'editorSaved',
  saving: 'editorSaving',
  unsaved: 'editorUnsaved',
  failed: 'editorSaveFailed',
  conflict: 'editorConflictStatus',
} as const;

export function EditorTopBar(props: EditorTopBarProps) {
  const { locale, readOnly, status, errorCount } = props;
  const blocked = errorCount > 0;
  const blockedReason = errorCount === 1 ? t(locale, 'editorPublishBlockedOne') : t(locale, 'editorPublishBlockedOther', { count: errorCount });
  return (
    <header className={styles.topbar}>
      <Link href={localePath('/', locale)} className={styles.back} aria-label={t(locale, 'editorBackToFlows')} title={t(locale, 'editorBackToFlows')}>
        <Icon name="chevron-left" />
      </Link>
      <NameField key={props.name} locale={locale} name={props.name} readOnly={readOnly} onRename={props.onRename} />
      <span className={styles.flowId}>{props.flowId}</span>
      {readOnly ? (
        <span className={styles.readOnly} title={t(locale, 'editorReadOnlyHint')}>
          {t(locale, 'editorReadOnly')}
        </span>
      ) : (
        <span className={`${styles.status} ${styles[`status-${status}`]}`} role="status" data-save-status={status}>
          {t(locale, STATUS_KEYS[status])}
          {status === 'failed' && (
            <button type="button" className={styles.linkButton} onClick={props.onRetry}>
              {t(locale, 'editorRetry')}
            </button>
          )}
        </span>
      )}
      <div className={styles.spacer} />
      {!readOnly && (
        <div className={styles.tools} role="toolbar" aria-label={t(locale, 'editorToolbar')}>
          <ToolButton label={t(locale, 'editorUndo')} icon="undo" disabled={!props.canUndo} onClick={props.onUndo} />
          <ToolButton label={t(locale, 'editorRedo')} icon="redo" disabled={!props.canRedo} onClick={props.onRedo} />
          <span className={styles.toolDivider} />
          <ToolButton label={t(locale, 'editorDuplicate')} icon="copy" disabled={!props.hasSelection} onClick={props.onDuplicate} />
          <ToolButton label={t(locale, 'editorDelete')} icon="trash" disabled={!props.hasSelection} onClick={props.onDelete} />
          <span className={styles.toolDivider} />
          <ToolButton label={t(locale, 'editorLayoutRight')} icon="layout" onClick={() => props.onLayout('RIGHT')} />
          <ToolButton label={t(locale, 'editorLayoutDown')} icon="workflow" onClick={() => props.onLayout('DOWN')} />
        </div>
      )}
      <ToolButton label={t(locale, 'editorShortcuts')} icon="keyboard" onClick={props.onShortcuts} />
      <LanguageSwitcher current={locale} path={`/flows/${encodeURIComponent(props.flowId)}`} />
      <button type="button" className={styles.button} onClick={props.onSimulate}>
        <Icon name="play" size={14} />
        {t(locale, 'editorSimulate')}
      </button>
      {!readOnly && (
        <>
          {blocked && (
            <button type="button" className={`${styles.linkButton} ${styles.blockedReason}`} onClick={props.onShowProblems}>
              {blockedReason}
            </button>
          )}
          <button
            type="button"
            className={`${styles.button} ${styles.primary}`}
            aria-disabled={blocked}
            title={blocked ? blockedReason : undefined}
            onClick={blocked ? props.onShowProblems : props.onPublish}
          >
            <Icon name="upload" size={14} />
            {t(locale, 'editorPublish')}
          </button>
        </>
      )}
    </header>
  );
}

function ToolButton({ label, icon, disabled, onClick }: { label: string; icon: string; disabled?: boolean; onClick(): void }) {
  return (
    <button type="button" className={styles.toolButton} aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}

/** The flow's name, edited in place: Enter or leaving the field renames, Escape cancels. */
function NameField({ locale, name, readOnly, onRename }: { locale: Locale; name: string; readOnly: boolean; onRename(name: string): void }) {
  const [value, setValue] = useState(name);
  const cancelled = useRef(false);
  const commit = () => {
    const trimmed = cancelled.current ? name : value.trim();
    cancelled.current = false;
    if (trimmed && trimmed !== name) onRename(trimmed);
    else setValue(name);
  };
  return (
    <input
      className={styles.name}
      aria-label={t(locale, 'editorFlowName')}
      value={value}
      disabled={readOnly}
      maxLength={120}
      size={Math.max(8, Math.min(40, value.length + 1))}
      onChange={(event) => setValue(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          cancelled.current = true;
          setValue(name);
          event.currentTarget.blur();
        }
      }}
    />
  );
}
