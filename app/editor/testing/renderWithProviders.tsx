// Server-renders an editor part inside the providers the app gives it (TanStack Query and
// tRPC), optionally with query data already in the cache, so parts that ask the server for
// data render with it and without a server.
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@/server/api/root';
import { TRPCProvider } from '@/app/lib/trpc';

export interface SeededFlow {
  id: string;
  name: string;
}

export function renderWithProviders(node: ReactNode, seed: { flows?: SeededFlow[] } = {}): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  // Never called while rendering on the server; present because the provider requires one.
  const trpcClient = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: 'http://127.0.0.1:9/api/trpc' })] });
  if (seed.flows) {
    const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
    const now = new Date(0).toISOString();
    queryClient.setQueryData(
      trpc.flows.list.queryKey(),
      seed.flows.map((flow) => ({ ...flow, latestVersion: 1, revision: 1, nodeCount: 2, updatedAt: now, archivedAt: null, draftUpdatedAt: now, publishedAt: now })),
    );
  }
  return renderToStaticMarkup(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {node}
      </TRPCProvider>
    </QueryClientProvider>,
  );
}
