'use client';
// Declared variables (name, type, default, description) with where each is written and read;
// variables nodes use without a declaration are listed below with a one-click "Declare".
import { useState } from 'react';
import { t } from '@/app/i18n/messages';
import type { VariablesPanelProps } from '../contracts';
import { declareVariable, nameProblem, removeVariable, variableRows } from './model/variables';
import { UsageList } from './UsageList';
import { VariableCard } from './VariableCard';
import styles from './panels.module.css';

export function VariablesPanel({ flow, locale, readOnly, onChangeVariables, onRenameVariable, onSelect }: VariablesPanelProps) {
  const { declared, undeclared } = variableRows(flow);
  const [draft, setDraft] = useState('');
  const problem = draft === '' ? undefined : nameProblem(flow.variables, draft.trim());
  const add = () => {
    const name = draft.trim();
    if (name === '' || problem) return;
    onChangeVariables(declareVariable(flow.variables, name));
    setDraft('');
  };
  return (
    <section className={styles.panel} aria-label={t(locale, 'propsVarsTitle')}>
      <h2 className={styles.title}>{t(locale, 'propsVarsTitle')}</h2>
      {declared.length === 0 && <p className={styles.empty}>{t(locale, 'propsVarsEmpty')}</p>}
      <ul className={styles.variableList}>
        {declared.map((row) => (
          <li key={row.name}>
            <VariableCard
              row={row}
              variables={flow.variables}
              locale={locale}
              readOnly={readOnly}
              onChange={onChangeVariables}
              onRename={(to) => onRenameVariable(row.name, to)}
              onRemove={() => onChangeVariables(removeVariable(flow.variables, row.name))}
              onSelect={onSelect}
            />
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className={styles.addRow}>
          <input
            className={styles.input}
            value={draft}
            aria-label={t(locale, 'propsVarsNewName')}
            placeholder={t(locale, 'propsVarsNewName')}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className={styles.button} disabled={draft.trim() === '' || problem !== undefined} onClick={add}>
            {t(locale, 'propsVarsAdd')}
          </button>
          {problem && <p className={styles.fieldError}>{problem === 'taken' ? t(locale, 'propsVarsNameTaken', { name: draft.trim() }) : t(locale, 'propsVarsNameInvalid')}</p>}
        </div>
      )}
      {undeclared.length > 0 && (
        <div className={styles.group}>
          <h3 className={styles.groupTitleWarning}>{t(locale, 'propsVarsUndeclared')}</h3>
          <ul className={styles.variableList}>
            {undeclared.map((row) => (
              <li key={row.name} className={styles.undeclared}>
                <div className={styles.undeclaredHead}>
                  <code className={styles.varName}>{row.name}</code>
                  {!readOnly && (
                    <button
                      type="button"
                      className={styles.button}
                      aria-label={t(locale, 'propsVarsDeclareName', { name: row.name })}
                      onClick={() => onChangeVariables(declareVariable(flow.variables, row.name))}
                    >
                      {t(locale, 'propsVarsDeclare')}
                    </button>
                  )}
                </div>
                <UsageList row={row} locale={locale} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
