'use client';
// The list's row actions (duplicate, archive, restore) and export, each refreshing the list
// and reporting what happened in one status line.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import { useTRPC, useTRPCClient } from '@/app/lib/trpc';
import { problemKey } from '@/app/settings/problemKey';
import { apiError } from '@/app/lib/apiError';
import { downloadJson } from './downloadJson';
import type { FlowListItem } from './flowRows';

export interface Status {
  kind: 'ok' | 'error';
  text: string;
}

export function useFlowActions(locale: Locale, report: (status: Status) => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
  const failed = (error: unknown) => report({ kind: 'error', text: t(locale, problemKey(apiError(error).code)) });

  const duplicate = useMutation(
    trpc.flows.duplicate.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        report({ kind: 'ok', text: t(locale, 'listDuplicated', { name: created.flow.name }) });
      },
      onError: failed,
    }),
  );
  const archive = useMutation(
    trpc.flows.archive.mutationOptions({
      onSuccess: async (flow) => {
        await refresh();
        report({ kind: 'ok', text: t(locale, 'listArchived', { name: flow.name }) });
      },
      onError: failed,
    }),
  );
  const restore = useMutation(
    trpc.flows.restore.mutationOptions({
      onSuccess: async (flow) => {
        await refresh();
        report({ kind: 'ok', text: t(locale, 'listRestored', { name: flow.name }) });
      },
      onError: failed,
    }),
  );

  const exportJson = async (flow: FlowListItem) => {
    try {
      const document = await client.flows.export.query({ id: flow.id });
      const file = `${flow.id}.flow.json`;
      downloadJson(file, document);
      report({ kind: 'ok', text: t(locale, 'listExported', { file }) });
    } catch (error) {
      failed(error);
    }
  };

  return {
    duplicate: (flow: FlowListItem) => duplicate.mutate({ id: flow.id }),
    archive: (flow: FlowListItem) => archive.mutate({ id: flow.id }),
    restore: (flow: FlowListItem) => restore.mutate({ id: flow.id }),
    exportJson,
  };
}

export type FlowActions = ReturnType<typeof useFlowActions>;
