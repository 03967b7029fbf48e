'use client';
// The canned-response picker above the reply box: type to filter, arrows to move, Enter to
// pick, Escape to close. Picking fills the response from the conversation (server side).
import { useId, useMemo, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import styles from './desk.module.css';
import type { CannedResponse } from './deskTypes';

interface CannedPickerProps {
  locale: Locale;
  responses: CannedResponse[];
  initialQuery: string;
  onPick(response: CannedResponse): void;
  onClose(): void;
}

export function CannedPicker({ locale, responses, initialQuery, onPick, onClose }: CannedPickerProps) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return responses;
    return responses.filter((r) => r.title.toLowerCase().includes(q) || (r.shortcut ?? '').includes(q) || r.text.toLowerCase().includes(q));
  }, [query, responses]);
  const current = Math.min(active, Math.max(matches.length - 1, 0));

  return (
    <div className={styles.canned} role="dialog" aria-label={t(locale, 'deskCanned')}>
      <input
        className={styles.cannedSearch}
        autoFocus
        value={query}
        placeholder={t(locale, 'deskCannedSearch')}
        aria-label={t(locale, 'deskCannedSearch')}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={matches[current] ? `${listId}-${matches[current].id}` : undefined}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
          else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (event.key === 'Enter') {
            const pick = matches[current];
            if (pick) onPick(pick);
          } else if (event.key === 'Escape') onClose();
          else return;
          event.preventDefault();
        }}
      />
      <ul className={styles.cannedList} id={listId} role="listbox" aria-label={t(locale, 'deskCanned')}>
        {matches.map((response, index) => (
          <li key={response.id}>
            <button
              type="button"
              id={`${listId}-${response.id}`}
              role="option"
              aria-selected={index === current}
              className={styles.cannedItem}
              tabIndex={-1}
              onMouseEnter={() => setActive(index)}
              onClick={() => onPick(response)}
            >
              <div className={styles.cannedTitle}>
                {response.title}
                {response.shortcut && <span className="muted"> /{response.shortcut}</span>}
              </div>
              <div className={styles.cannedText}>{response.text}</div>
            </button>
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className={styles.cannedEmpty}>{responses.length === 0 ? t(locale, 'deskCannedNone') : t(locale, 'deskCannedEmpty')}</p>}
    </div>
  );
}
