'use client';
// Banners under the top bar: a save conflict (with both ways out) and a version preview.
import type { CanvasPreview } from '../contracts';
import { t, type Locale } from '@/app/i18n/messages';
import type { SaveStatus } from './useAutosave';
import styles from './shell.module.css';

export interface EditorBannersProps {
  locale: Locale;
  status: SaveStatus;
  preview: CanvasPreview | null;
  onKeepMine(): void;
  onLoadTheirs(): void;
  onBackToDraft(): void;
}

export function EditorBanners({ locale, status, preview, onKeepMine, onLoadTheirs, onBackToDraft }: EditorBannersProps) {
  return (
    <div>
      {status === 'conflict' && (
        <div className={`${styles.banner} ${styles.bannerError}`} role="alert" data-testid="conflict-banner">
          <div className={styles.bannerText}>
            <strong>{t(locale, 'editorConflictTitle')}</strong>
            {t(locale, 'editorConflictBody')}
          </div>
          <button type="button" className={`${styles.button} ${styles.primary}`} onClick={onKeepMine}>
            {t(locale, 'editorKeepMine')}
          </button>
          <button type="button" className={styles.button} onClick={onLoadTheirs}>
            {t(locale, 'editorLoadTheirs')}
          </button>
        </div>
      )}
      {preview && (
        <div className={`${styles.banner} ${styles.bannerInfo}`} role="status">
          <div className={styles.bannerText}>{t(locale, 'editorViewing', { label: preview.label })}</div>
          <button type="button" className={styles.button} onClick={onBackToDraft}>
            {t(locale, 'editorBackToDraft')}
          </button>
        </div>
      )}
    </div>
  );
}
