import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

/** What the server's error formatter adds to `data` for bad input. */
const Issues = z.array(z.object({ path: z.string(), message: z.string() }));

export interface ApiError {
  /** The tRPC code (`BAD_REQUEST`, `CONFLICT`, …); undefined when the call never got an answer. */
  code: string | undefined;
  /** Input fields the server rejected, by dotted path. */
  issues: z.infer<typeof Issues>;
}

/** Reads a failed tRPC call without trusting its shape. */
export function apiError(error: unknown): ApiError {
  if (!(error instanceof TRPCClientError)) return { code: undefined, issues: [] };
  const data: unknown = error.data;
  const code = z.object({ code: z.string() }).safeParse(data);
  const issues = z.object({ issues: Issues }).safeParse(data);
  return {
    code: code.success ? code.data.code : undefined,
    issues: issues.success ? issues.data.issues : [],
  };
}
