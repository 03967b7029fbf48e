'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { DateTime } from '@/app/ui/DateTime';
import { Spinner } from '@/app/ui/Spinner';
import { RollbackDialog } from './RollbackDialog';
import type { MarkCounts } from './versionPreview';
import styles from './VersionsPanel.module.css';

export type VersionItem = RouterOutputs['versions']['list'][number];

export interface VersionsViewProps {
  locale: Locale;
  canWrite: boolean;
  /** Newest first; undefined while loading. */
  versions: VersionItem[] | undefined;
  loadFailed: boolean;
  onRetry(): void;
  /** The version shown on the canvas now, with how many nodes differ from the draft. */
  comparing: { number: number; counts: MarkCounts } | null;
  /** The version being loaded for comparison. */
  loadingCompare: number | null;
  /** What the last action did (a rollback done, a comparison or rollback failed). */
  status: { kind: 'ok' | 'error'; text: string } | null;
  rollingBack: boolean;
  onCompare(number: number): void;
  onStopComparing(): void;
  /** Resolves true when the rollback was done (the dialog then closes). */
  onRollback(number: number, note: string): Promise<boolean>;
}

/** The version history as the panel shows it, from data its container loads. */
export function VersionsView(props: VersionsViewProps) {
  const { locale, versions } = props;
  const [confirming, setConfirming] = useState<number | null>(null);

  return (
    <section className={styles.panel} aria-labelledby="versions-heading">
      <h2 id="versions-heading" className={styles.heading}>
        {t(locale, 'versionsHeading')}
      </h2>
      <p className={styles.muted}>{t(locale, 'versionsIntro')}</p>
      {props.comparing && (
        <div className={styles.comparing}>
          <p>
            <strong>{t(locale, 'versionsCompareLabel', { number: props.comparing.number })}</strong>
            <br />
            {summary(locale, props.comparing.counts)}
          </p>
          <button type="button" className="button button-small" onClick={props.onStopComparing}>
            {t(locale, 'versionsStopComparing')}
          </button>
        </div>
      )}
      <p className={props.status?.kind === 'error' ? styles.statusError : styles.status} role="status">
        {props.status?.text}
      </p>
      {props.loadFailed ? (
        <div className={styles.empty} role="alert">
          <p>{t(locale, 'versionsLoadFailed')}</p>
          <button type="button" className="button button-small" onClick={props.onRetry}>
            {t(locale, 'versionsRetry')}
          </button>
        </div>
      ) : versions === undefined ? (
        <p className={styles.muted}>
          <Spinner /> {t(locale, 'versionsLoading')}
        </p>
      ) : versions.length === 0 ? (
        <div className={styles.empty}>
          <h3>{t(locale, 'versionsEmptyTitle')}</h3>
          <p className={styles.muted}>{t(locale, 'versionsEmptyBody')}</p>
        </div>
      ) : (
        <ol className={styles.list}>
          {versions.map((version, index) => (
            <VersionEntry key={version.number} {...props} version={version} latest={index === 0} onAskRollback={setConfirming} />
          ))}
        </ol>
      )}
      {confirming !== null && (
        <RollbackDialog
          locale={locale}
          number={confirming}
          pending={props.rollingBack}
          onCancel={() => setConfirming(null)}
          onConfirm={async (note) => {
            if (await props.onRollback(confirming, note)) setConfirming(null);
          }}
        />
      )}
    </section>
  );
}

type VersionEntryProps = VersionsViewProps & { version: VersionItem; latest: boolean; onAskRollback(number: number): void };

function VersionEntry({ locale, canWrite, version, latest, comparing, loadingCompare, onCompare, onAskRollback }: VersionEntryProps) {
  const shown = comparing?.number === version.number;
  const loading = loadingCompare === version.number;
  const title = t(locale, 'versionsNumber', { number: version.number });
  return (
    <li className={shown ? `${styles.entry} ${styles.entryShown}` : styles.entry} aria-label={title}>
      <div className={styles.entryHead}>
        <h3>{title}</h3>
        {latest && <span className="badge badge-ok">{t(locale, 'versionsLatest')}</span>}
      </div>
      <p className={version.note ? styles.note : `${styles.note} ${styles.muted}`}>{version.note || t(locale, 'versionsNoNote')}</p>
      <p className={styles.meta}>
        {publisher(locale, version)} · <DateTime locale={locale} iso={version.publishedAt} />
      </p>
      <div className={styles.actions}>
        {shown ? (
          <span className={styles.shownLabel}>{t(locale, 'versionsComparingNow')}</span>
        ) : (
          <button type="button" className="button button-small" onClick={() => onCompare(version.number)} disabled={loading}>
            {loading && <Spinner />}
            {t(locale, loading ? 'versionsComparing' : 'versionsCompare')}
          </button>
        )}
        {canWrite && !latest && (
          <button type="button" className="button button-small" onClick={() => onAskRollback(version.number)}>
            {t(locale, 'versionsRollback')}
          </button>
        )}
      </div>
    </li>
  );
}

/** Seeded examples have no publisher; a deleted account leaves the id without a name. */
function publisher(locale: Locale, version: VersionItem): string {
  if (version.publishedByName) return t(locale, 'versionsBy', { name: version.publishedByName });
  return t(locale, version.publishedBy === null ? 'versionsBySystem' : 'versionsByUnknown');
}

function summary(locale: Locale, counts: MarkCounts): string {
  if (counts.added + counts.removed + counts.changed === 0) return t(locale, 'versionsNoDifference');
  return t(locale, 'versionsDiffSummary', { added: counts.added, removed: counts.removed, changed: counts.changed });
}
