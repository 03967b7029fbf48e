'use client';
// A JSON body or a text template. The typed text is kept as typed while the stored value is
// the same, so reformatting never fights the designer's cursor.
import { useState } from 'react';
import { jsonText, parseJsonText } from '../model/jsonText';
import type { WidgetProps } from '../fieldContext';
import styles from '../properties.module.css';

export function JsonField({ keys, value, id, describedBy, invalid, ctx }: WidgetProps) {
  const [draft, setDraft] = useState(() => jsonText(value));
  const [stored, setStored] = useState(value);
  if (stored !== value) {
    // Changed from outside (undo, another node): show what is stored now.
    setStored(value);
    setDraft(jsonText(value));
  }
  return (
    <textarea
        id={id}
        className={`${styles.input} ${styles.textarea} ${styles.mono}`}
        rows={Math.min(12, Math.max(3, draft.split('\n').length))}
        value={draft}
        spellCheck={false}
        disabled={ctx.readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = parseJsonText(event.target.value);
          setDraft(event.target.value);
          setStored(next);
          ctx.change(keys, next);
        }}
      />
  );
}
