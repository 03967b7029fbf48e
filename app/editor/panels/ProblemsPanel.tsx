'use client';
// The validator's diagnostics for the draft: errors first, then warnings; each names its node
// (or edge) and code, and selecting it (click or Enter) shows that node on the canvas.
import { localizeDiagnostic, type Diagnostic } from '@/flows';
import { t } from '@/app/i18n/messages';
import type { ProblemsPanelProps } from '../contracts';
import styles from './panels.module.css';

export function ProblemsPanel({ flow, diagnostics, locale, onSelect }: ProblemsPanelProps) {
  const errors = diagnostics.filter((diag) => diag.severity === 'error');
  const warnings = diagnostics.filter((diag) => diag.severity === 'warning');
  const order = new Map(flow.nodes.map((node, index) => [node.id, index]));
  const byNode = (a: Diagnostic, b: Diagnostic) => (order.get(a.nodeId ?? '') ?? -1) - (order.get(b.nodeId ?? '') ?? -1);
  return (
    <section className={styles.panel} aria-label={t(locale, 'propsProblemsTitle')}>
      <h2 className={styles.title}>{t(locale, 'propsProblemsTitle')}</h2>
      {diagnostics.length === 0 ? (
        <p className={styles.empty}>{t(locale, 'propsProblemsEmpty')}</p>
      ) : (
        <>
          <ProblemGroup title={t(locale, 'propsProblemsErrors', { count: errors.length })} items={[...errors].sort(byNode)} locale={locale} onSelect={onSelect} severity="error" />
          <ProblemGroup title={t(locale, 'propsProblemsWarnings', { count: warnings.length })} items={[...warnings].sort(byNode)} locale={locale} onSelect={onSelect} severity="warning" />
        </>
      )}
    </section>
  );
}

interface GroupProps {
  title: string;
  items: Diagnostic[];
  locale: ProblemsPanelProps['locale'];
  severity: 'error' | 'warning';
  onSelect: ProblemsPanelProps['onSelect'];
}

function ProblemGroup({ title, items, locale, severity, onSelect }: GroupProps) {
  if (items.length === 0) return null;
  return (
    <div className={styles.group}>
      <h3 className={severity === 'error' ? styles.groupTitleError : styles.groupTitleWarning}>{title}</h3>
      <ul className={styles.problemList}>
        {items.map((diag, index) => {
          const message = localizeDiagnostic(diag, locale);
          const target = diag.nodeId ?? (diag.edgeId ? t(locale, 'propsProblemsEdge', { id: diag.edgeId }) : t(locale, 'propsProblemsFlow'));
          const body = (
            <>
              <span className={severity === 'error' ? styles.dotError : styles.dotWarning} aria-hidden="true" />
              <span className={styles.problemText}>
                <span className={styles.problemHead}>
                  <span className={styles.problemTarget}>{target}</span>
                  <code className={styles.code}>{diag.code}</code>
                </span>
                <span className={styles.problemMessage}>{message}</span>
              </span>
            </>
          );
          const selectable = diag.nodeId !== undefined || diag.edgeId !== undefined;
          return (
            <li key={`${diag.code}-${diag.path}-${index}`} data-severity={severity}>
              {selectable ? (
                <button
                  type="button"
                  className={styles.problem}
                  aria-label={t(locale, 'propsProblemsSelect', { target, message })}
                  onClick={() => onSelect({ ...(diag.nodeId !== undefined ? { nodeId: diag.nodeId } : {}), ...(diag.edgeId !== undefined ? { edgeId: diag.edgeId } : {}) })}
                >
                  {body}
                </button>
              ) : (
                <div className={styles.problem}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
