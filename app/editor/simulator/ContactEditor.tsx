'use client';
import { t, type Locale } from '@/app/i18n/messages';
import { CONTACT_PRESETS } from './drawerModel';
import type { ContactProfile } from './sessionTypes';
import { closeOnEscape } from './closeOnEscape';
import styles from './SimulatorDrawer.module.css';

interface ContactEditorProps {
  contact: ContactProfile;
  locale: Locale;
  onChange(contact: ContactProfile): void;
}

const FIELDS = [
  { key: 'name', label: 'simContactName', type: 'text' },
  { key: 'phone', label: 'simContactPhone', type: 'tel' },
  { key: 'email', label: 'simContactEmail', type: 'email' },
  { key: 'locale', label: 'simContactLocale', type: 'text' },
] as const;

/** The simulated customer: a preset, or name, phone, email and locale typed in. */
export function ContactEditor({ contact, locale, onChange }: ContactEditorProps) {
  const preset = CONTACT_PRESETS.find((candidate) => FIELDS.every((f) => candidate.contact[f.key] === contact[f.key]))?.id ?? 'custom';
  const summary = contact.name || t(locale, 'simPresetAnonymous');
  return (
    <details className={styles.popover} onKeyDown={closeOnEscape}>
      <summary className={styles.toolButton}>
        {t(locale, 'simContact')}: <strong>{summary}</strong>
      </summary>
      <div className={styles.popoverBody}>
        <label className={styles.field}>
          <span>{t(locale, 'simContactPreset')}</span>
          <select
            value={preset}
            onChange={(event) => {
              const chosen = CONTACT_PRESETS.find((candidate) => candidate.id === event.target.value);
              if (chosen) onChange({ ...chosen.contact });
            }}
          >
            {CONTACT_PRESETS.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.contact.name || t(locale, 'simPresetAnonymous')}
              </option>
            ))}
            {preset === 'custom' ? <option value="custom">{t(locale, 'simPresetCustom')}</option> : null}
          </select>
        </label>
        {FIELDS.map((field) => (
          <label key={field.key} className={styles.field}>
            <span>{t(locale, field.label)}</span>
            <input type={field.type} value={contact[field.key]} onChange={(event) => onChange({ ...contact, [field.key]: event.target.value })} />
          </label>
        ))}
      </div>
    </details>
  );
}
