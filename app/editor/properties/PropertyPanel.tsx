'use client';
// The selected node's properties, generated from its type's props schema: the panel knows no
// node type by name. Edits go back whole (`onChangeData(newData)`); the canvas coalesces typing.
import { useId, useMemo } from 'react';
import { nodeType } from '@/flows';
import { t } from '@/app/i18n/messages';
import type { PropertyPanelProps } from '../contracts';
import { nodeForm, splitAdvanced } from './model/formModel';
import { nodeProblems, problemsWithin, unplacedProblems } from './model/errors';
import { templateNames, variableNames } from './model/completion';
import { freshDiagnostics } from './model/liveChecks';
import { getIn, isRecord, setData, type Keys } from './model/values';
import type { FieldContext } from './fieldContext';
import { FieldRow } from './FieldRow';
import { ProblemList } from './ProblemList';
import styles from './properties.module.css';

export function PropertyPanel({ flow, nodeId, diagnostics, locale, readOnly, onChangeData }: PropertyPanelProps) {
  const idBase = `props${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  const type = node ? nodeType(node.type) : undefined;
  const names = useMemo(() => ({ templates: templateNames(flow), variables: variableNames(flow) }), [flow]);

  if (!node) {
    return (
      <aside className={styles.panel} aria-label={t(locale, 'propsTitle')}>
        <p className={styles.empty}>{t(locale, 'propsNodeMissing')}</p>
      </aside>
    );
  }
  const data: Record<string, unknown> = isRecord(node.data) ? node.data : {};
  if (!type) {
    return (
      <aside className={styles.panel} aria-label={t(locale, 'propsTitle')}>
        <p className={styles.empty}>{t(locale, 'propsUnknownType', { type: node.type })}</p>
        <ProblemList problems={nodeProblems(diagnostics, [], locale)} />
      </aside>
    );
  }

  const parsed = type.props.safeParse(data);
  const problems = nodeProblems(freshDiagnostics(flow, node, data, diagnostics), parsed.success ? [] : parsed.error.issues, locale, data);
  const ctx: FieldContext = {
    locale,
    readOnly,
    flowId: flow.id,
    flowLocale: flow.locale,
    templateNames: names.templates,
    variableNames: names.variables,
    problems,
    idBase,
    change: (keys: Keys, value: unknown) => {
      if (!readOnly) onChangeData(setData(data, keys, value));
    },
  };
  const form = nodeForm(type, locale);
  const { basic, advanced } = splitAdvanced(form);
  const texts = type.texts[locale];
  const renderRow = (field: (typeof form)[number]) => <FieldRow key={field.key} field={field} keys={[field.key]} value={getIn(data, [field.key])} ctx={ctx} />;
  const advancedHasProblems = advanced.some((field) => problemsWithin(problems, [field.key]).length > 0);

  return (
    <aside className={styles.panel} aria-label={t(locale, 'propsTitle')} data-node-type={type.type}>
      <header className={styles.header}>
        <h2 className={styles.typeLabel}>{texts.label}</h2>
        <p className={styles.nodeId}>{t(locale, 'propsNodeId', { id: node.id })}</p>
        <p className={styles.typeHelp}>{texts.help}</p>
        {readOnly && <p className={styles.readOnly}>{t(locale, 'propsReadOnly')}</p>}
      </header>
      {unplacedProblems(problems, form.map((field) => field.key)).length > 0 && (
        <section className={styles.nodeProblems} aria-label={t(locale, 'propsNodeProblems')}>
          <ProblemList problems={unplacedProblems(problems, form.map((field) => field.key))} />
        </section>
      )}
      <div className={styles.fields}>{basic.map(renderRow)}</div>
      {advanced.length > 0 && (
        // Open by itself when something inside it is wrong, so no error hides behind a fold.
        <details className={styles.advanced} open={advancedHasProblems || undefined}>
          <summary className={styles.advancedSummary}>{t(locale, 'propsAdvanced')}</summary>
          <div className={styles.fields}>{advanced.map(renderRow)}</div>
        </details>
      )}
    </aside>
  );
}
