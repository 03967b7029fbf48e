'use client';
import { useEffect, useRef } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import type { StepRecord } from './sessionTypes';
import { clockTime, stepLabel } from './stepText';
import { topLevel } from './trace';
import styles from './SimulatorDrawer.module.css';

interface SimStepsProps {
  steps: readonly StepRecord[];
  locale: Locale;
}

/** Every step with the nodes it entered and the variables after it; the newest is open. */
export function SimSteps({ steps, locale }: SimStepsProps) {
  const list = useRef<HTMLElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [steps]);
  return (
    <section ref={list} className={styles.steps} aria-label={t(locale, 'simSteps')}>
      <h3 className={styles.panelTitle}>{t(locale, 'simSteps')}</h3>
      <ol className={styles.stepList}>
        {steps.map((step, index) => (
          <li key={index}>
            <details open={index === steps.length - 1} className={styles.step}>
              <summary>
                <span className={styles.stepNumber}>{index + 1}</span>
                <span className={styles.stepSummary}>{stepLabel(step, locale)}</span>
                <span className={styles.stepAt}>{t(locale, 'simStepAt', { node: step.state.at })}</span>
                <time className={styles.stepTime} dateTime={step.state.now}>
                  {clockTime(step.state.now, locale)}
                </time>
              </summary>
              {step.state.path.length > 0 ? (
                <p className={styles.hint}>{t(locale, 'simEntered', { nodes: step.state.path.map(topLevelLabel).join(' → ') })}</p>
              ) : null}
              <VariablesTable step={step} before={steps[index - 1]} locale={locale} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function topLevelLabel(node: string): string {
  return topLevel(node) === node ? node : node.replace('/', ' › ');
}

function VariablesTable({ step, before, locale }: { step: StepRecord; before: StepRecord | undefined; locale: Locale }) {
  const entries = Object.entries(step.state.vars).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return <p className={styles.hint}>{t(locale, 'simVarsEmpty')}</p>;
  return (
    <table className={styles.vars} aria-label={t(locale, 'simVarsAfter')}>
      <caption className={styles.visuallyHidden}>{t(locale, 'simVarsAfter')}</caption>
      <tbody>
        {entries.map(([name, value]) => {
          const changed = JSON.stringify(value) !== JSON.stringify(before?.state.vars[name]);
          return (
            <tr key={name} className={changed ? styles.changed : undefined}>
              <th scope="row">
                {name}
                {changed ? <span className={styles.changedMark} title={t(locale, 'simVarChanged')} aria-label={t(locale, 'simVarChanged')} /> : null}
              </th>
              <td>
                <code>{JSON.stringify(value)}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
