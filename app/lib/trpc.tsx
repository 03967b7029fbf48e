'use client';
// tRPC for client components: `useTRPC()` gives typed query and mutation options for TanStack
// Query, e.g. `useMutation(trpc.setup.createOwner.mutationOptions())`. Server components
// call procedures directly through `serverApi()` instead.
import { isServer, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import type { AppRouter } from '@/server/api/root';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Mounted once in the root layout, around every page. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: apiUrl() })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

let browserQueryClient: QueryClient | undefined;

/**
 * One client per browser tab, kept across renders even if React discards a suspended tree;
 * on the server a fresh one per render, so no cached data leaks between requests.
 */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data from the server is fresh for a moment; without this, every mount refetches.
      queries: { staleTime: 30_000 },
    },
  });
}

/**
 * The browser calls its own origin. Server rendering of a client component does not fetch
 * (pages load their data through `serverApi()`), but the client is still built there.
 */
function apiUrl(): string {
  if (!isServer) return '/api/trpc';
  return `http://localhost:${process.env.PORT ?? 3000}/api/trpc`;
}
