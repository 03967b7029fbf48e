'use client';
// An array of objects edited item by item: each item is a card with its own fields (rendered
// by the caller's row renderer), and buttons to move it up or down or remove it.
import type { ReactNode } from 'react';
import { t } from '@/app/i18n/messages';
import { formatPath } from '@/flows/validate/diagnostics';
import type { FieldModel } from '../model/formModel';
import { problemsAt } from '../model/errors';
import { newItem } from '../model/newItem';
import { asList, isRecord, moveItem, removeItem, type Keys } from '../model/values';
import type { WidgetProps } from '../fieldContext';
import { ProblemList } from '../ProblemList';
import styles from '../properties.module.css';

interface ListFieldProps extends WidgetProps {
  field: FieldModel;
  renderField(field: FieldModel, keys: Keys, value: unknown): ReactNode;
}

export function ListField({ keys, value, id, label, ctx, field, renderField }: ListFieldProps) {
  const items = asList(value);
  const save = (next: unknown[]) => ctx.change(keys, next.length === 0 && !field.required ? undefined : next);
  const fields = field.itemFields ?? [];
  return (
    <div className={styles.list} id={id} role="group" aria-labelledby={`${id}-label`}>
      {items.length === 0 && <p className={styles.hint}>{t(ctx.locale, 'propsEmptyList')}</p>}
      {items.map((item, index) => {
        const name = itemName(label, index, item, fields, ctx.locale);
        const itemKeys = [...keys, index];
        return (
          <section key={index} className={styles.item} aria-label={name} data-field-path={formatPath(itemKeys)}>
            <header className={styles.itemHeader}>
              <span className={styles.itemTitle}>{name}</span>
              {!ctx.readOnly && (
                <span className={styles.itemActions}>
                  <button type="button" className={styles.iconButton} disabled={index === 0} aria-label={t(ctx.locale, 'propsMoveUp', { item: name })} onClick={() => save(moveItem(items, index, index - 1))}>
                    ↑
                  </button>
                  <button type="button" className={styles.iconButton} disabled={index === items.length - 1} aria-label={t(ctx.locale, 'propsMoveDown', { item: name })} onClick={() => save(moveItem(items, index, index + 1))}>
                    ↓
                  </button>
                  <button type="button" className={styles.iconButton} aria-label={t(ctx.locale, 'propsRemoveItem', { item: name })} onClick={() => save(removeItem(items, index))}>
                    ×
                  </button>
                </span>
              )}
            </header>
            <ProblemList problems={problemsAt(ctx.problems, itemKeys)} />
            {fields.map((child) => renderField(child, [...itemKeys, child.key], isRecord(item) ? item[child.key] : undefined))}
          </section>
        );
      })}
      {!ctx.readOnly && (
        <button type="button" className={styles.addButton} onClick={() => save([...items, newItem(fields, items, field.key)])}>
          + {t(ctx.locale, 'propsAddItem', { field: label })}
        </button>
      )}
    </div>
  );
}

// "Options 2 · balance": the position, and what names the item (its id, or the variable it
// sets), so a designer can tell items apart.
function itemName(label: string, index: number, item: unknown, fields: readonly FieldModel[], locale: WidgetProps['ctx']['locale']): string {
  const base = t(locale, 'propsItem', { field: label, n: index + 1 });
  const naming = fields.find((field) => field.widget === 'id' || field.widget === 'variable');
  const value = naming && isRecord(item) ? item[naming.key] : undefined;
  return typeof value === 'string' && value !== '' ? `${base} · ${value}` : base;
}

