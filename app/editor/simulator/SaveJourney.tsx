'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { downloadJson } from './downloadJson';
import { buildJourney, journeyFileName } from './journeyExport';
import type { SessionView } from './sessionTypes';
import styles from './SimulatorDrawer.module.css';

interface SaveJourneyProps {
  flowId: string;
  view: SessionView;
  locale: Locale;
  disabled: boolean;
}

/** "Save as journey test": asks for a name, then downloads `<flow>.<name>.journey.json`. */
export function SaveJourney({ flowId, view, locale, disabled }: SaveJourneyProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const effectiveName = name.trim() || t(locale, 'simJourneyNameDefault');
  const fileName = journeyFileName(flowId, effectiveName);

  if (!open) {
    return (
      <button type="button" className={styles.toolButton} disabled={disabled} onClick={() => setOpen(true)}>
        {t(locale, 'simSaveJourney')}
      </button>
    );
  }
  return (
    <form
      className={styles.saveForm}
      onSubmit={(event) => {
        event.preventDefault();
        downloadJson(fileName, buildJourney(view, { flowId, name: effectiveName }));
        setOpen(false);
      }}
    >
      <label className={styles.inlineField}>
        <span>{t(locale, 'simJourneyName')}</span>
        <input autoFocus value={name} placeholder={t(locale, 'simJourneyNameDefault')} onChange={(event) => setName(event.target.value)} />
      </label>
      <output className={styles.hint}>{t(locale, 'simJourneyFile', { file: fileName })}</output>
      <button type="submit" className={styles.primary}>
        {t(locale, 'simJourneyDownload')}
      </button>
      <button type="button" className={styles.toolButton} onClick={() => setOpen(false)}>
        {t(locale, 'simJourneyCancel')}
      </button>
    </form>
  );
}
