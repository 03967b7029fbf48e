'use client';
// The simulator drawer: runs the editor's draft step by step in the browser. A chat on the
// left, the clock and agent controls beside it, each step's variables on the right.
import { t } from '@/app/i18n/messages';
import type { SimulatorDrawerProps } from '@/app/editor/contracts';
import { lastQuickReplies, statusOf } from './drawerModel';
import { SimComposer } from './SimComposer';
import { SimControls } from './SimControls';
import { SimNotices } from './SimNotices';
import { SimSteps } from './SimSteps';
import { SimToolbar } from './SimToolbar';
import { SimTranscript } from './SimTranscript';
import { statusText } from './stepText';
import { useSimulatorSession } from './useSimulatorSession';
import styles from './SimulatorDrawer.module.css';

export function SimulatorDrawer({ flow, library, locale, onTrace, onClose }: SimulatorDrawerProps) {
  const session = useSimulatorSession(flow, library, onTrace);
  const { view } = session;
  const status = statusOf(view.current, flow, locale);

  return (
    <section className={styles.drawer} aria-label={t(locale, 'simTitle')}>
      <header className={styles.header}>
        <h2 className={styles.title}>{t(locale, 'simTitle')}</h2>
        <p className={`${styles.status} ${styles[`status_${status.kind}`] ?? ''}`} role="status" aria-label={t(locale, 'simStatus')} title={statusText(status, locale)}>
          {statusText(status, locale)}
        </p>
        <SimToolbar flow={flow} settings={session.settings} view={view} locale={locale} settingsRevision={session.settingsRevision} onSettings={session.setSettings} onRestart={() => session.restart()} />
        <button
          type="button"
          className={styles.close}
          aria-label={t(locale, 'simClose')}
          title={t(locale, 'simClose')}
          onClick={() => {
            onTrace(null);
            onClose();
          }}
        >
          ×
        </button>
      </header>
      <SimNotices session={session} locale={locale} />
      <div className={styles.body}>
        <div className={styles.chat}>
          <SimTranscript view={view} locale={locale} />
          <SimComposer
            current={view.current}
            quickReplies={lastQuickReplies(view.steps)}
            locale={locale}
            onCustomer={(customer) => session.apply({ kind: 'customer', customer })}
          />
        </div>
        <SimControls current={view.current} locale={locale} onAction={session.apply} />
        <SimSteps steps={view.steps} locale={locale} />
      </div>
    </section>
  );
}
