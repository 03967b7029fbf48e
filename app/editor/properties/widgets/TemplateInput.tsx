'use client';
// A Liquid template box with variable autocomplete: typing `{{` opens a list of the names the
// template scope has; arrows move, Enter or Tab inserts, Escape closes.
import { useRef, useState, type KeyboardEvent } from 'react';
import { t } from '@/app/i18n/messages';
import { applyCompletion, completionAt, filterNames, type CompletionQuery } from '../model/completion';
import type { FieldContext } from '../fieldContext';
import styles from '../properties.module.css';

interface TemplateInputProps {
  id: string;
  value: string;
  /** The field's label, for the suggestion list's name. */
  label: string;
  ariaLabel?: string;
  placeholder?: string;
  describedBy?: string;
  invalid: boolean;
  ctx: FieldContext;
  onChange(text: string): void;
}

interface OpenMenu {
  query: CompletionQuery;
  cursor: number;
  names: string[];
  active: number;
}

export function TemplateInput({ id, value, label, ariaLabel, placeholder, describedBy, invalid, ctx, onChange }: TemplateInputProps) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = `${id}-suggestions`;

  const update = (text: string, cursor: number) => {
    const query = completionAt(text, cursor);
    const names = query ? filterNames(ctx.templateNames, query.prefix) : [];
    setMenu(query && names.length > 0 ? { query, cursor, names, active: 0 } : null);
  };

  const accept = (name: string) => {
    if (!menu) return;
    const next = applyCompletion(value, menu.query, menu.cursor, name);
    onChange(next.text);
    setMenu(null);
    // Put the caret after the inserted name once React has written the new value.
    requestAnimationFrame(() => box.current?.setSelectionRange(next.cursor, next.cursor));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!menu) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setMenu({ ...menu, active: (menu.active + step + menu.names.length) % menu.names.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      accept(menu.names[menu.active] ?? '');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMenu(null);
    }
  };

  return (
    <div className={styles.template}>
      <textarea
        ref={box}
        id={id}
        className={`${styles.input} ${styles.textarea}`}
        value={value}
        rows={Math.min(6, Math.max(2, value.split('\n').length))}
        placeholder={placeholder}
        disabled={ctx.readOnly}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-autocomplete="list"
        aria-controls={menu ? listId : undefined}
        aria-expanded={menu !== null}
        aria-activedescendant={menu ? `${listId}-${menu.active}` : undefined}
        role="combobox"
        onChange={(event) => {
          onChange(event.target.value);
          update(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setMenu(null)}
      />
      {menu && (
        <ul id={listId} role="listbox" className={styles.suggestions} aria-label={t(ctx.locale, 'propsSuggestions', { field: label })}>
          {menu.names.map((name, index) => (
            <li
              key={name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === menu.active}
              className={index === menu.active ? styles.suggestionActive : styles.suggestion}
              // mousedown, not click: the textarea's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                accept(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
