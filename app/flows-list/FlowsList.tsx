'use client';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC } from '@/app/lib/trpc';
import { CreateFlowDialog } from './CreateFlowDialog';
import { filterFlows, type FlowListItem } from './flowRows';
import { FlowRow } from './FlowRow';
import { ImportFlowDialog, type PickedFile } from './ImportFlowDialog';
import { useFlowActions, type Status } from './useFlowActions';
import styles from './FlowsList.module.css';

interface FlowsListProps {
  locale: Locale;
  /** Designers and admins; viewers and agents see no write action. */
  canWrite: boolean;
  /** Every flow, archived ones included, as the page loaded them; refetched after each change. */
  initialFlows: FlowListItem[];
}

/** The home page's flows: instant search, archived on demand, create, import and row actions. */
export function FlowsList({ locale, canWrite, initialFlows }: FlowsListProps) {
  const trpc = useTRPC();
  const { data: flows } = useQuery(trpc.flows.list.queryOptions({ includeArchived: true }, { initialData: initialFlows }));
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const actions = useFlowActions(locale, setStatus);

  const shown = filterFlows(flows, { query, showArchived });
  const total = showArchived ? flows.length : flows.filter((flow) => flow.archivedAt === null).length;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!/\.json$/i.test(file.name)) return setStatus({ kind: 'error', text: t(locale, 'listImportWrongType') });
    try {
      setPicked({ name: file.name, text: await file.text() });
    } catch {
      setStatus({ kind: 'error', text: t(locale, 'listImportUnreadable') });
    }
  };
  const dropProps = canWrite
    ? {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        },
        onDragLeave: (event: DragEvent) => {
          if (event.target === event.currentTarget) setDragging(false);
        },
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          void pick(event.dataTransfer.files[0]);
        },
      }
    : {};

  return (
    <section className={styles.list} aria-labelledby="flows-heading" {...dropProps} data-dragging={dragging || undefined}>
      <div className="section-head">
        <h1 id="flows-heading">{t(locale, 'flowsHeading')}</h1>
        <span className="count">
          {query ? t(locale, 'listShownOfTotal', { shown: shown.length, total }) : t(locale, total === 1 ? 'flowCountOne' : 'flowCountOther', { count: total })}
        </span>
      </div>
      <p className="muted">{t(locale, 'flowsIntro')}</p>

      <div className={styles.toolbar}>
        <input
          type="search"
          className={styles.search}
          aria-label={t(locale, 'listSearchLabel')}
          placeholder={t(locale, 'listSearchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <label className={styles.checkbox}>
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t(locale, 'listShowArchived')}
        </label>
        {canWrite && (
          <div className={styles.toolbarEnd}>
            <button type="button" className="button" onClick={() => fileInput.current?.click()}>
              {t(locale, 'listImport')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="flow-import-file"
              onChange={(event) => {
                void pick(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t(locale, 'listNewFlow')}
            </button>
          </div>
        )}
      </div>

      <p className={status?.kind === 'error' ? `${styles.status} ${styles.statusError}` : styles.status} role="status">
        {status?.text}
      </p>

      {shown.length === 0 ? (
        <div className="empty">
          <h2>{query ? t(locale, 'listNoMatchTitle', { query }) : t(locale, 'flowsEmptyTitle')}</h2>
          <p className="muted">{t(locale, query ? 'listNoMatchBody' : 'flowsEmptyBody')}</p>
          {query && (
            <button type="button" className="button" onClick={() => setQuery('')}>
              {t(locale, 'listClearSearch')}
            </button>
          )}
        </div>
      ) : (
        <div className={styles.tableSurface}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(locale, 'listColumnName')}</th>
                <th scope="col">{t(locale, 'listColumnId')}</th>
                <th scope="col">{t(locale, 'listColumnState')}</th>
                <th scope="col">{t(locale, 'listColumnVersion')}</th>
                <th scope="col">{t(locale, 'listColumnNodes')}</th>
                <th scope="col">{t(locale, 'listColumnUpdated')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(locale, 'listColumnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((flow) => (
                <FlowRow key={flow.id} locale={locale} flow={flow} canWrite={canWrite} actions={actions} report={setStatus} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canWrite && <p className={styles.dropHint}>{t(locale, 'listDropHint')}</p>}
      {creating && <CreateFlowDialog locale={locale} onClose={() => setCreating(false)} />}
      {picked && (
        <ImportFlowDialog
          locale={locale}
          file={picked}
          onClose={() => setPicked(null)}
          onImported={({ name, errors }) => {
            setPicked(null);
            setStatus({
              kind: 'ok',
              text: errors > 0 ? t(locale, 'listImportedWithErrors', { name, count: errors }) : t(locale, 'listImported', { name }),
            });
          }}
        />
      )}
    </section>
  );
}
