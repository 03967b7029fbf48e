import { expect } from 'vitest';
import { UserError, type UserErrorReason } from '../errors';

/** Awaits a call that must fail with a UserError of the reason. */
export async function expectUserError(call: Promise<unknown>, reason: UserErrorReason): Promise<UserError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected a ${reason} error, but the call succeeded`).toBeInstanceOf(UserError);
  if (!(error instanceof UserError)) throw new Error('unreachable');
  expect(error.reason, error.message).toBe(reason);
  return error;
}
