'use client';
import { useId, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import type { MocksInput } from '@/flows/simulate/mocks';
import { mocksToText, parseMocksText, parseVarsText } from './mocksText';
import { closeOnEscape } from './closeOnEscape';
import styles from './SimulatorDrawer.module.css';

interface MocksEditorProps {
  mocks: MocksInput;
  vars: Record<string, unknown>;
  locale: Locale;
  onChange(change: { mocks: MocksInput; vars: Record<string, unknown> }): void;
}

/** HTTP mocks (a journey's `mocks.http`) and initial variables, as JSON checked while typing. */
export function MocksEditor({ mocks, vars, locale, onChange }: MocksEditorProps) {
  const [mocksText, setMocksText] = useState(() => mocksToText(mocks.http ?? []));
  const [varsText, setVarsText] = useState(() => (Object.keys(vars).length > 0 ? JSON.stringify(vars, null, 2) : ''));
  const helpId = useId();
  const parsedMocks = parseMocksText(mocksText);
  const parsedVars = parseVarsText(varsText);
  const count = mocks.http?.length ?? 0;

  const change = (nextMocks: string, nextVars: string) => {
    setMocksText(nextMocks);
    setVarsText(nextVars);
    const m = parseMocksText(nextMocks);
    const v = parseVarsText(nextVars);
    // Only valid text reaches the settings; invalid text stays in the box with its errors.
    if (m.ok && v.ok) onChange({ mocks: { http: m.http }, vars: v.vars });
  };

  return (
    <details className={styles.popover} onKeyDown={closeOnEscape}>
      <summary className={styles.toolButton}>{t(locale, 'simMocksCount', { count })}</summary>
      <div className={`${styles.popoverBody} ${styles.popoverWide}`}>
        <label className={styles.field}>
          <span>{t(locale, 'simMocksLabel')}</span>
          <textarea
            className={styles.code}
            rows={8}
            spellCheck={false}
            value={mocksText}
            aria-describedby={helpId}
            aria-invalid={!parsedMocks.ok}
            onChange={(event) => change(event.target.value, varsText)}
          />
        </label>
        <p id={helpId} className={styles.hint}>{t(locale, 'simMocksHelp')}</p>
        {parsedMocks.ok ? (
          <p className={styles.ok}>{t(locale, 'simMocksOk', { count: parsedMocks.http.length })}</p>
        ) : (
          <ul className={styles.errors} role="alert">
            {parsedMocks.errors.map((error, index) => (
              <li key={index}>{t(locale, 'simMocksProblem', { path: error.path || '—', message: error.message })}</li>
            ))}
          </ul>
        )}
        <label className={styles.field}>
          <span>{t(locale, 'simVarsInitial')}</span>
          <textarea
            className={styles.code}
            rows={3}
            spellCheck={false}
            value={varsText}
            aria-invalid={!parsedVars.ok}
            onChange={(event) => change(mocksText, event.target.value)}
          />
        </label>
        {parsedVars.ok ? null : (
          <p className={styles.errors} role="alert">
            {parsedVars.error}
          </p>
        )}
      </div>
    </details>
  );
}
