'use client';
import { t, type Locale } from '@/app/i18n/messages';
import { Channel, type FlowDocument } from '@/flows';
import { ContactEditor } from './ContactEditor';
import { fromLocalInput, startChannels, toLocalInput } from './drawerModel';
import { MocksEditor } from './MocksEditor';
import { SaveJourney } from './SaveJourney';
import type { SessionOptions, SessionView } from './sessionTypes';
import { channelName } from './stepText';
import styles from './SimulatorDrawer.module.css';

interface SimToolbarProps {
  flow: FlowDocument;
  settings: SessionOptions;
  view: SessionView;
  /** Remounts the mocks editor when the settings' mocks changed from outside it. */
  settingsRevision: number;
  locale: Locale;
  onSettings(settings: SessionOptions): void;
  onRestart(): void;
}

/** Channel, contact, start time and mocks for the next run; restart; save as journey test. */
export function SimToolbar({ flow, settings, view, settingsRevision, locale, onSettings, onRestart }: SimToolbarProps) {
  const channels = startChannels(flow);
  return (
    <div className={styles.toolbar} role="toolbar" aria-label={t(locale, 'simSettings')}>
      <label className={styles.inlineField}>
        <span>{t(locale, 'simChannel')}</span>
        <select
          value={settings.channel}
          onChange={(event) => {
            const channel = Channel.safeParse(event.target.value);
            if (channel.success) onSettings({ ...settings, channel: channel.data });
          }}
        >
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {channelName(channel, locale)}
            </option>
          ))}
        </select>
      </label>
      <ContactEditor contact={settings.contact} locale={locale} onChange={(contact) => onSettings({ ...settings, contact })} />
      <label className={styles.inlineField}>
        <span>{t(locale, 'simStartTime')}</span>
        <input
          type="datetime-local"
          value={toLocalInput(settings.now)}
          onChange={(event) => {
            const now = fromLocalInput(event.target.value);
            if (now) onSettings({ ...settings, now });
          }}
        />
      </label>
      <MocksEditor key={settingsRevision} mocks={settings.mocks} vars={settings.vars} locale={locale} onChange={(change) => onSettings({ ...settings, ...change })} />
      <span className={styles.toolbarSpacer} />
      <button type="button" className={styles.toolButton} onClick={() => onRestart()}>
        {t(locale, 'simRestart')}
      </button>
      <SaveJourney flowId={flow.id} view={view} locale={locale} disabled={view.steps.length === 0} />
    </div>
  );
}
