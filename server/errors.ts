// Errors by who must act (after n8n): a person fixes a user error, the system retries an
// operational one, a developer fixes an unexpected one. The API maps them to tRPC codes in
// exactly one place, server/api/errors.ts.
import type { Diagnostic } from '@/flows';

/** One problem with an input, at a JSON path such as `nodes[2].data.prompt`. */
export interface InputIssue {
  path: string;
  message: string;
  /** The validator's diagnostic code, when the issue came from it. */
  code?: string;
}

export type UserErrorReason =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'precondition'
  | 'unauthenticated'
  | 'forbidden';

/** What a client can act on, beside the message. */
export interface ErrorDetails {
  /** Problems with the input, at JSON paths. */
  issues?: InputIssue[];
  /** The current revision, when a save or publish started from an older one. */
  revision?: number | null;
  /** The validator's findings that block publishing. */
  diagnostics?: Diagnostic[];
  /** The id that is taken, when creating something that exists. */
  id?: string;
}

/** The request cannot be done as asked; the message tells the person what to change. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly reason: UserErrorReason,
    message: string,
    /** Details a client can act on: input issues, the newer revision, diagnostics. */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** A transient failure (a service down, a lock timeout): retrying later may succeed. */
export class OperationalError extends Error {
  override readonly name = 'OperationalError';
}

export function invalidInput(message: string, issues: InputIssue[]): UserError {
  return new UserError('invalid', message, { issues });
}

export function notFound(message: string): UserError {
  return new UserError('not-found', message);
}

export function conflict(message: string, details: ErrorDetails = {}): UserError {
  return new UserError('conflict', message, details);
}

export function forbidden(message: string): UserError {
  return new UserError('forbidden', message);
}
