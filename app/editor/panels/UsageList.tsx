'use client';
// Where one variable is written and read: each use is a button that selects the node.
import { t } from '@/app/i18n/messages';
import type { Locale } from '@/app/i18n/messages';
import type { VariableUse } from '@/flows/validate/usage';
import type { VariableRow } from './model/variables';
import styles from './panels.module.css';

export function UsageList({ row, locale, onSelect }: { row: VariableRow; locale: Locale; onSelect(target: { nodeId: string }): void }) {
  if (row.reads.length === 0 && row.writes.length === 0) return <p className={styles.muted}>{t(locale, 'propsVarsUnused')}</p>;
  return (
    <dl className={styles.usage}>
      {row.writes.length > 0 && <UseGroup title={t(locale, 'propsVarsWrittenBy')} uses={row.writes} locale={locale} onSelect={onSelect} />}
      {row.reads.length > 0 && <UseGroup title={t(locale, 'propsVarsReadBy')} uses={row.reads} locale={locale} onSelect={onSelect} />}
    </dl>
  );
}

function UseGroup({ title, uses, locale, onSelect }: { title: string; uses: VariableUse[]; locale: Locale; onSelect(target: { nodeId: string }): void }) {
  return (
    <>
      <dt className={styles.usageTitle}>{title}</dt>
      <dd className={styles.usageItems}>
        {uses.map((use) => (
          <button
            key={`${use.nodeId}-${use.path}`}
            type="button"
            className={styles.useChip}
            aria-label={t(locale, 'propsVarsUseAt', { node: use.nodeId, field: use.path || use.nodeId })}
            onClick={() => onSelect({ nodeId: use.nodeId })}
          >
            {use.nodeId}
            {use.path && <span className={styles.usePath}>{use.path}</span>}
          </button>
        ))}
      </dd>
    </>
  );
}
