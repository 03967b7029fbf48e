'use client';
// One declared variable: its name (renamed when the box is left), type, default and
// description, a remove button, and where it is used.
import { useId, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { formatDefault, nameProblem, parseDefault, typeChoices, updateDeclaration, type VariableRow, type Variables } from './model/variables';
import { UsageList } from './UsageList';
import styles from './panels.module.css';

interface VariableCardProps {
  row: VariableRow;
  variables: Variables;
  locale: Locale;
  readOnly: boolean;
  onChange(variables: Variables): void;
  /** Renames the variable in the flow: its declaration and the nodes that name it. */
  onRename(to: string): void;
  onRemove(): void;
  onSelect(target: { nodeId: string }): void;
}

export function VariableCard({ row, variables, locale, readOnly, onChange, onRename, onRemove, onSelect }: VariableCardProps) {
  const declaration = row.declaration ?? { type: 'any' };
  const [name, setName] = useState(row.name);
  const [defaultText, setDefaultText] = useState(formatDefault(declaration.default, declaration.type));
  const [defaultBad, setDefaultBad] = useState(false);
  const problem = name.trim() === row.name ? undefined : nameProblem(variables, name.trim(), row.name);
  const id = `var${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const commitName = () => {
    const next = name.trim();
    if (next === row.name) return;
    if (problem) setName(row.name);
    else onRename(next);
  };
  return (
    <article className={styles.variable} aria-label={row.name}>
      <div className={styles.variableHead}>
        <input
          id={`${id}-name`}
          className={`${styles.input} ${styles.mono} ${styles.nameInput}`}
          value={name}
          disabled={readOnly}
          aria-label={t(locale, 'propsVarsNameOf', { name: row.name })}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setName(event.target.value)}
          onBlur={commitName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName();
            if (event.key === 'Escape') setName(row.name);
          }}
        />
        <select
          id={`${id}-type`}
          className={`${styles.select} ${styles.typeSelect}`}
          value={declaration.type}
          disabled={readOnly}
          aria-label={t(locale, 'propsVarsTypeOf', { name: row.name })}
          onChange={(event) => onChange(updateDeclaration(variables, row.name, { type: event.target.value }))}
        >
          {typeChoices(declaration.type).map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button type="button" className={styles.iconButton} aria-label={t(locale, 'propsVarsRemove', { name: row.name })} onClick={onRemove}>
            ×
          </button>
        )}
      </div>
      {problem && <p className={styles.fieldError}>{problem === 'taken' ? t(locale, 'propsVarsNameTaken', { name: name.trim() }) : t(locale, 'propsVarsNameInvalid')}</p>}
      <div className={styles.variableGrid}>
        <label className={styles.smallLabel} htmlFor={`${id}-default`}>
          {t(locale, 'propsVarsDefault')}
          <input
            id={`${id}-default`}
            className={`${styles.input} ${styles.mono}`}
            value={defaultText}
            disabled={readOnly}
            aria-label={t(locale, 'propsVarsDefaultOf', { name: row.name })}
            aria-invalid={defaultBad || undefined}
            onChange={(event) => {
              setDefaultText(event.target.value);
              const parsed = parseDefault(event.target.value, declaration.type);
              setDefaultBad(!parsed.ok);
              if (parsed.ok) onChange(updateDeclaration(variables, row.name, { default: parsed.value }));
            }}
          />
        </label>
        <label className={styles.smallLabel} htmlFor={`${id}-description`}>
          {t(locale, 'propsVarsDescription')}
          <input
            id={`${id}-description`}
            className={styles.input}
            value={declaration.description ?? ''}
            disabled={readOnly}
            aria-label={t(locale, 'propsVarsDescriptionOf', { name: row.name })}
            onChange={(event) => onChange(updateDeclaration(variables, row.name, { description: event.target.value === '' ? undefined : event.target.value }))}
          />
        </label>
      </div>
      {defaultBad && <p className={styles.fieldError}>{t(locale, 'propsVarsDefaultInvalid')}</p>}
      <UsageList row={row} locale={locale} onSelect={onSelect} />
    </article>
  );
}
