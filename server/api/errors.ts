// The one place where errors become tRPC codes and client-visible shapes.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { log } from '../log';
import { OperationalError, UserError, type ErrorDetails, type InputIssue, type UserErrorReason } from '../errors';

/** tRPC code and REST status per reason. REST answers a failed precondition (no flow bound, not waiting for an agent) 409: the request is fine, the state is not. */
const CODES: Record<UserErrorReason, { trpc: TRPC_ERROR_CODE_KEY; http: number }> = {
  invalid: { trpc: 'BAD_REQUEST', http: 400 },
  'not-found': { trpc: 'NOT_FOUND', http: 404 },
  conflict: { trpc: 'CONFLICT', http: 409 },
  precondition: { trpc: 'PRECONDITION_FAILED', http: 409 },
  unauthenticated: { trpc: 'UNAUTHORIZED', http: 401 },
  forbidden: { trpc: 'FORBIDDEN', http: 403 },
};

/** The REST API's status for a user error. */
export function httpStatus(error: UserError): number {
  return CODES[error.reason].http;
}

/** A thrown value as the TRPCError the client should see. */
export function toTRPCError(error: unknown): TRPCError {
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  if (cause instanceof UserError) return new TRPCError({ code: CODES[cause.reason].trpc, message: cause.message, cause });
  if (cause instanceof OperationalError) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: `${cause.message} Try again in a moment.`, cause });
  }
  if (error instanceof TRPCError) return error;
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server.', cause: error });
}

/** Extra data a client can act on: input issues with paths, a newer revision, diagnostics. */
export function errorData(error: TRPCError): ErrorDetails & { reason?: UserErrorReason } {
  const cause = error.cause;
  if (cause instanceof UserError) return { reason: cause.reason, ...cause.details };
  const issues = schemaIssues(cause);
  if (issues) return { reason: 'invalid', issues };
  return {};
}

/** Input validation failures (zod via tRPC) as `{ path, message }`. */
function schemaIssues(cause: unknown): InputIssue[] | undefined {
  if (typeof cause !== 'object' || cause === null || !('issues' in cause) || !Array.isArray(cause.issues)) return undefined;
  return cause.issues.map((issue: unknown) => {
    const record = typeof issue === 'object' && issue !== null ? issue : {};
    const path = 'path' in record && Array.isArray(record.path) ? record.path.map(pathKey).join('.') : '';
    const message = 'message' in record && typeof record.message === 'string' ? record.message : 'invalid value';
    return { path, message };
  });
}

function pathKey(key: unknown): string {
  if (typeof key === 'object' && key !== null && 'key' in key) return String(key.key);
  return String(key);
}

/** Bugs are logged with their stack; people get a message without internals. */
export function reportUnexpected(error: TRPCError, path: string | undefined): void {
  if (error.code !== 'INTERNAL_SERVER_ERROR') return;
  const cause = error.cause ?? error;
  log.error({ path, err: { message: cause.message, stack: cause.stack } }, 'tRPC call failed');
}
