'use client';
// A map of name → template (HTTP headers, subflow input and output) as rows. A name is saved
// when the designer leaves its box, so renaming does not reorder or merge rows while typing.
import { useState } from 'react';
import { t } from '@/app/i18n/messages';
import { freshName, recordRows, renameRow, rowsRecord, type Row } from '../model/records';
import type { WidgetProps } from '../fieldContext';
import type { FieldModel } from '../model/formModel';
import { TemplateInput } from './TemplateInput';
import styles from '../properties.module.css';

export function KeyValueField({ keys, value, id, label, describedBy, invalid, ctx, field }: WidgetProps & { field: FieldModel }) {
  const rows = recordRows(value);
  const save = (next: readonly Row[]) => {
    const record = rowsRecord(next);
    ctx.change(keys, record === undefined && field.required ? {} : record);
  };
  return (
    <div className={styles.keyvalue} id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      {rows.length > 0 && (
        <div className={styles.kvHead} aria-hidden="true">
          <span>{t(ctx.locale, 'propsNameColumn')}</span>
          <span>{t(ctx.locale, 'propsValueColumn')}</span>
        </div>
      )}
      {rows.map((row, index) => (
        <div key={`${index}-${row.name}`} className={styles.kvRow}>
          <RowName
            name={row.name}
            label={t(ctx.locale, 'propsRowName', { n: index + 1, field: label })}
            readOnly={ctx.readOnly}
            taken={(name) => rows.some((other, at) => at !== index && other.name === name)}
            takenMessage={t(ctx.locale, 'propsNameTaken')}
            onCommit={(name) => save(renameRow(rows, index, name))}
          />
          <TemplateInput
            id={`${id}-value-${index}`}
            value={typeof row.value === 'string' ? row.value : JSON.stringify(row.value)}
            label={label}
            ariaLabel={t(ctx.locale, 'propsRowValue', { name: row.name, field: label })}
            invalid={invalid}
            ctx={ctx}
            onChange={(text) => save(rows.map((item, at) => (at === index ? { ...item, value: text } : item)))}
          />
          {!ctx.readOnly && (
            <button type="button" className={styles.iconButton} aria-label={t(ctx.locale, 'propsRemoveRow', { n: index + 1, field: label })} onClick={() => save(rows.filter((_, at) => at !== index))}>
              ×
            </button>
          )}
        </div>
      ))}
      {!ctx.readOnly && (
        <button type="button" className={styles.addButton} onClick={() => save([...rows, { name: freshName(rows, 'name'), value: '' }])}>
          + {t(ctx.locale, 'propsAddRow', { field: label })}
        </button>
      )}
    </div>
  );
}

function RowName({ name, label, readOnly, taken, takenMessage, onCommit }: { name: string; label: string; readOnly: boolean; taken(name: string): boolean; takenMessage: string; onCommit(name: string): void }) {
  const [draft, setDraft] = useState(name);
  const clash = draft !== name && taken(draft.trim());
  const commit = () => {
    const next = draft.trim();
    if (next === '' || clash) setDraft(name);
    else if (next !== name) onCommit(next);
  };
  return (
    <span className={styles.kvName}>
      <input
        className={`${styles.input} ${styles.mono}`}
        value={draft}
        disabled={readOnly}
        aria-label={label}
        aria-invalid={clash || undefined}
        title={clash ? takenMessage : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
    </span>
  );
}
