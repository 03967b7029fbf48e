'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { useTRPC } from '@/app/lib/trpc';
import { DateTime } from '@/app/ui/DateTime';
import { Spinner } from '@/app/ui/Spinner';
import { createFlowErrors } from './flowErrors';
import { flowState, STATE_BADGES, STATE_LABELS, type FlowListItem } from './flowRows';
import { RowMenu, type RowMenuItem } from './RowMenu';
import type { FlowActions, Status } from './useFlowActions';
import styles from './FlowsList.module.css';

interface FlowRowProps {
  locale: Locale;
  flow: FlowListItem;
  canWrite: boolean;
  actions: FlowActions;
  report(status: Status): void;
}

/** One flow: its name links to the editor; the row menu holds every action the role allows. */
export function FlowRow({ locale, flow, canWrite, actions, report }: FlowRowProps) {
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  const wasRenaming = useRef(false);
  // Keyboard users land back on the name they renamed, not at the top of the page.
  useEffect(() => {
    if (wasRenaming.current && !renaming) link.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);
  const state = flowState(flow);
  const archived = state === 'archived';
  const editorHref = localePath(`/flows/${flow.id}`, locale);

  const items: RowMenuItem[] = [
    { label: t(locale, 'listOpen'), onSelect: () => router.push(editorHref) },
    ...(canWrite && !archived ? [{ label: t(locale, 'listRename'), onSelect: () => setRenaming(true) }] : []),
    ...(canWrite ? [{ label: t(locale, 'listDuplicate'), onSelect: () => actions.duplicate(flow) }] : []),
    { label: t(locale, 'listExport'), onSelect: () => void actions.exportJson(flow) },
    ...(canWrite
      ? [
          archived
            ? { label: t(locale, 'listRestore'), onSelect: () => actions.restore(flow) }
            : { label: t(locale, 'listArchive'), onSelect: () => actions.archive(flow), danger: true },
        ]
      : []),
  ];

  return (
    <tr className={archived ? 'row-inactive' : undefined} data-flow-id={flow.id}>
      <td className="cell-strong">
        {renaming ? (
          <RenameForm
            locale={locale}
            flow={flow}
            onDone={(name) => {
              setRenaming(false);
              if (name) report({ kind: 'ok', text: t(locale, 'listRenamed', { name }) });
            }}
          />
        ) : (
          <Link ref={link} href={editorHref} className={styles.flowLink}>
            {flow.name}
          </Link>
        )}
      </td>
      <td className={styles.nowrap}>
        <code>{flow.id}</code>
      </td>
      <td className={styles.nowrap}>
        <span className={STATE_BADGES[state]}>{t(locale, STATE_LABELS[state])}</span>
      </td>
      <td>{flow.latestVersion > 0 ? t(locale, 'listVersion', { version: flow.latestVersion }) : t(locale, 'listNoVersion')}</td>
      <td className={styles.numeric}>{flow.nodeCount}</td>
      <td className={styles.nowrap}>
        <DateTime locale={locale} iso={flow.updatedAt} />
      </td>
      <td className="cell-actions">
        <RowMenu label={t(locale, 'listActionsFor', { name: flow.name })} items={items} />
      </td>
    </tr>
  );
}

/** The name as a field: Enter saves, Escape (or Cancel) keeps the old name. */
function RenameForm({ locale, flow, onDone }: { locale: Locale; flow: FlowListItem; onDone(name: string | null): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(flow.name);
  const rename = useMutation(
    trpc.flows.rename.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        onDone(saved.flow.name);
      },
    }),
  );
  const error = rename.error ? createFlowErrors(rename.error, { name }) : {};
  const errorKey = error.name ?? error.form;
  const label = t(locale, 'listRenameLabel', { name: flow.name });

  return (
    <form
      className={styles.renameForm}
      onSubmit={(event) => {
        event.preventDefault();
        if (name === flow.name) onDone(null);
        else rename.mutate({ id: flow.id, name });
      }}
    >
      <input
        className={styles.renameInput}
        aria-label={label}
        value={name}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone(null);
        }}
        aria-invalid={errorKey ? true : undefined}
        aria-describedby={errorKey ? `rename-error-${flow.id}` : undefined}
        disabled={rename.isPending}
      />
      <button type="submit" className="button button-small" disabled={rename.isPending}>
        {rename.isPending && <Spinner />}
        {t(locale, rename.isPending ? 'listSaving' : 'listSave')}
      </button>
      <button type="button" className="button button-small" onClick={() => onDone(null)} disabled={rename.isPending}>
        {t(locale, 'cancel')}
      </button>
      {errorKey && (
        <p id={`rename-error-${flow.id}`} className="cell-error" role="alert">
          {t(locale, errorKey)}
        </p>
      )}
    </form>
  );
}
