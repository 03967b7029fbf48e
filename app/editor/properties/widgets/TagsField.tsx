'use client';
// Short strings as chips (menu keys, match words, skills, intent examples, holiday dates):
// type and press Enter (or comma) to add; each chip has its own remove button.
import { useState } from 'react';
import { t } from '@/app/i18n/messages';
import { asStrings, removeItem } from '../model/values';
import type { WidgetProps } from '../fieldContext';
import type { FieldModel } from '../model/formModel';
import styles from '../properties.module.css';

export function TagsField({ keys, value, id, label, describedBy, invalid, ctx, field, inputType = 'text' }: WidgetProps & { field: FieldModel; inputType?: 'text' | 'date' }) {
  const tags = asStrings(value);
  const [draft, setDraft] = useState('');
  const save = (next: string[]) => ctx.change(keys, next.length === 0 && !field.required ? undefined : next);
  const add = () => {
    const items = inputType === 'date' ? [draft] : draft.split(',');
    const fresh = items.map((item) => item.trim()).filter((item) => item !== '' && !tags.includes(item));
    if (fresh.length > 0) save([...tags, ...fresh]);
    setDraft('');
  };
  return (
    <div className={styles.tags}>
      <ul className={styles.chips}>
        {tags.map((tag, index) => (
          <li key={`${tag}-${index}`} className={styles.chip}>
            <span>{tag}</span>
            {!ctx.readOnly && (
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={t(ctx.locale, 'propsRemoveTag', { tag, field: label })}
                onClick={() => save(removeItem(tags, index))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!ctx.readOnly && (
      <div className={styles.inline}>
        <input
          id={id}
          className={styles.input}
          type={inputType}
          value={draft}
          placeholder={inputType === 'text' ? t(ctx.locale, 'propsTagHint') : undefined}
          disabled={ctx.readOnly}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || (event.key === ',' && inputType === 'text')) {
              event.preventDefault();
              add();
            } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
              save(tags.slice(0, -1));
            }
          }}
        />
        <button type="button" className={styles.iconButton} disabled={draft.trim() === ''} aria-label={t(ctx.locale, 'propsAddTag', { field: label })} onClick={add}>
          +
        </button>
      </div>
      )}
    </div>
  );
}
