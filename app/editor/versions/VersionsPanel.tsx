'use client';
// The versions tab of the editor: loads the history, the version to compare and the rollback;
// VersionsView shows them. The comparison's draft side is the editor's draft, unsaved edits
// included, so the marks are computed here rather than by the server's `versions.diff`.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument } from '@/flows';
import { t } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import { useTRPC } from '@/app/lib/trpc';
import { problemKey } from '@/app/settings/problemKey';
import type { VersionsPanelProps } from '../contracts';
import { readVersionDocument } from './readVersionDocument';
import { countMarks, versionPreview } from './versionPreview';
import { VersionsView, type VersionsViewProps } from './VersionsView';

export function VersionsPanel({ flowId, draft, locale, canWrite, onPreview, previewShown, onRolledBack }: VersionsPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.versions.list.queryOptions({ id: flowId }));
  const [compared, setCompared] = useState<{ number: number; document: FlowDocument } | null>(null);
  const [status, setStatus] = useState<VersionsViewProps['status']>(null);

  // The parent may pass a new callback every render; the effects below must not re-run for it.
  const onPreviewRef = useRef(onPreview);
  useEffect(() => {
    onPreviewRef.current = onPreview;
  });

  const load = useMutation({
    mutationFn: async (number: number) => {
      // Published versions never change: one fetch each is enough.
      const version = await queryClient.fetchQuery(trpc.versions.get.queryOptions({ id: flowId, number }, { staleTime: Infinity }));
      return { number, document: readVersionDocument(version.content) };
    },
    onMutate: () => setStatus(null),
    onSuccess: setCompared,
    onError: (_error, number) => setStatus({ kind: 'error', text: t(locale, 'versionsCompareFailed', { number }) }),
  });

  const preview = useMemo(
    () => (compared ? versionPreview(compared.document, draft, t(locale, 'versionsCompareLabel', { number: compared.number })) : null),
    [compared, draft, locale],
  );
  // Shown again whenever the draft or the compared version changes; cleared when the tab closes.
  useEffect(() => {
    onPreviewRef.current(preview);
  }, [preview]);
  // "Back to draft" in the editor's banner hid the preview: stop comparing too, or the next
  // edit of the draft would recompute the preview and put the canvas back into it.
  const wasShown = useRef(previewShown);
  useEffect(() => {
    if (wasShown.current && !previewShown) setCompared(null);
    wasShown.current = previewShown;
  }, [previewShown]);
  const comparing = compared !== null;
  useEffect(() => () => {
    if (comparing) onPreviewRef.current(null);
  }, [comparing]);

  const rollback = useMutation(
    trpc.versions.rollback.mutationOptions({
      onSuccess: async (published, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ id: flowId }) });
        setStatus({ kind: 'ok', text: t(locale, 'versionsRolledBack', { number: input.number, newNumber: published.number }) });
        onRolledBack();
      },
      onError: (error) => {
        const reason = problemKey(apiError(error).code);
        setStatus({ kind: 'error', text: `${t(locale, 'versionsRollbackFailed')} ${error.message || t(locale, reason)}` });
      },
    }),
  );

  return (
    <VersionsView
      locale={locale}
      canWrite={canWrite}
      versions={list.data}
      loadFailed={list.isError}
      onRetry={() => void list.refetch()}
      comparing={preview && compared ? { number: compared.number, counts: countMarks(preview.marks) } : null}
      loadingCompare={load.isPending ? (load.variables ?? null) : null}
      status={status}
      rollingBack={rollback.isPending}
      onCompare={(number) => load.mutate(number)}
      onStopComparing={() => setCompared(null)}
      onRollback={async (number, note) => {
        try {
          await rollback.mutateAsync({ id: flowId, number, note: note === '' ? undefined : note });
          return true;
        } catch {
          return false;
        }
      }}
    />
  );
}
