'use client';
import { t, type Locale } from '@/app/i18n/messages';
import { actionsOf } from './session';
import { problemText } from './sessionProblems';
import type { SimulatorSessionHandle } from './useSimulatorSession';
import styles from './SimulatorDrawer.module.css';

/** What needs the tester's attention: an edited flow or settings to apply, or a problem. */
export function SimNotices({ session, locale }: { session: SimulatorSessionHandle; locale: Locale }) {
  const { view } = session;
  const steps = actionsOf(view.steps).length;
  const changed = session.flowChanged ? 'simFlowChanged' : session.settingsChanged ? 'simSettingsChanged' : null;
  return (
    <>
      {changed ? (
        <div className={styles.notice}>
          <span>{t(locale, changed)}</span>
          <button type="button" className={styles.primary} onClick={() => session.restart()}>
            {t(locale, session.flowChanged ? 'simRestartWithChanges' : 'simRestart')}
          </button>
          {steps > 0 ? (
            <button type="button" className={styles.toolButton} onClick={() => session.restart(true)}>
              {t(locale, 'simReplay', { count: steps })}
            </button>
          ) : null}
        </div>
      ) : null}
      {view.problem ? (
        <div className={styles.problem} role="alert">
          <span>{problemText(view.problem, locale)}</span>
          {view.problem.kind === 'noMock' && view.failedAction ? (
            <button type="button" className={styles.toolButton} onClick={session.addMockAndRetry}>
              {t(locale, 'simAddMock')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
