import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/api/root';

/** What each procedure answers, as JSON (dates are ISO strings), e.g. `RouterOutputs['users']['list']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
