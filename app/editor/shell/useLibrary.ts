'use client';
// The published flows a subflow node may call: the latest version of each other flow.
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { FlowDocument } from '@/flows';
import { useTRPC } from '@/app/lib/trpc';

const EMPTY: ReadonlyMap<string, FlowDocument> = new Map();

export function useLibrary(flowId: string): ReadonlyMap<string, FlowDocument> {
  const trpc = useTRPC();
  const list = useQuery(trpc.flows.list.queryOptions());
  const published = useMemo(
    () => (list.data ?? []).filter((flow) => flow.latestVersion > 0 && flow.id !== flowId),
    [list.data, flowId],
  );
  const exports = useQueries({
    queries: published.map((flow) => trpc.flows.export.queryOptions({ id: flow.id, version: flow.latestVersion }, { staleTime: Infinity })),
  });
  const docs = exports.map((query) => query.data);
  const key = docs.map((doc) => (doc ? doc.id : '-')).join(',');
  // Rebuilt only when a document arrives, so validation is not re-run on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (key.length === 0 ? EMPTY : new Map(docs.flatMap((doc) => (doc ? [[doc.id, doc] as const] : [])))), [key]);
}
