// Server refusals of the list's actions, as what the dialogs show: a message by field for
// creating, the server's own explanation (and the validator's findings) for importing.
import { TRPCClientError } from '@trpc/client';
import type { MessageKey } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import { problemKey } from '@/app/settings/problemKey';

export interface CreateFlowErrors {
  name?: MessageKey;
  id?: MessageKey;
  /** A refusal no field explains (signed out, role changed, the server failed). */
  form?: MessageKey;
}

/** Which field of the new-flow form the server refused, and why. */
export function createFlowErrors(error: unknown, input: { name: string }): CreateFlowErrors {
  const { code, issues } = apiError(error);
  if (code === 'CONFLICT') return { id: 'listErrorIdTaken' };
  if (code === 'BAD_REQUEST' && issues.length > 0) {
    const errors: CreateFlowErrors = {};
    for (const issue of issues) {
      if (issue.path === 'name') errors.name = input.name.trim().length > 120 ? 'listErrorNameLong' : 'listErrorNameRequired';
      else if (issue.path === 'id') errors.id = 'listErrorIdInvalid';
    }
    if (errors.name || errors.id) return errors;
  }
  return { form: problemKey(code) };
}

export interface ImportProblem {
  /** The server's explanation (English, like the validator's messages), or a catalog message. */
  message: string | null;
  fallback: MessageKey;
  /** The validator's findings (or the fields the file got wrong), by path. */
  issues: { path: string; message: string }[];
}

/** Why an import was refused: the server's message names the first problem and what to do. */
export function importProblem(error: unknown): ImportProblem {
  const { code, issues } = apiError(error);
  const fromServer = code === 'BAD_REQUEST' || code === 'CONFLICT' || code === 'PRECONDITION_FAILED';
  return {
    message: fromServer && error instanceof TRPCClientError ? error.message : null,
    fallback: fromServer ? 'listImportRefused' : problemKey(code),
    issues: fromServer ? issues : [],
  };
}
