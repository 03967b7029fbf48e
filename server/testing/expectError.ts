import { TRPCClientError } from '@trpc/client';
import { expect } from 'vitest';
import type { AppRouter } from '../api/root';

/** Awaits a call that must fail with the tRPC code; returns the error for further checks. */
export async function expectTrpcError(call: Promise<unknown>, code: string): Promise<TRPCClientError<AppRouter>> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCClientError);
  if (!(error instanceof TRPCClientError)) throw new Error('unreachable');
  expect(error.data?.code, error.message).toBe(code);
  return error;
}
