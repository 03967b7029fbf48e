import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { createFlowErrors, importProblem } from './flowErrors';

/** A refusal as the tRPC client hands it over, with the server formatter's data. */
function refusal(code: string, message: string, issues: { path: string; message: string }[] = []) {
  return TRPCClientError.from({ error: { message, code: -32600, data: { code, issues } } });
}

describe('createFlowErrors', () => {
  it('puts a taken id on the id field', () => {
    expect(createFlowErrors(refusal('CONFLICT', 'A flow with the id "x" already exists.'), { name: 'X' })).toEqual({ id: 'listErrorIdTaken' });
  });

  it('puts schema issues on their fields', () => {
    const error = refusal('BAD_REQUEST', 'invalid', [
      { path: 'name', message: 'enter a name' },
      { path: 'id', message: 'invalid slug' },
    ]);
    expect(createFlowErrors(error, { name: ' ' })).toEqual({ name: 'listErrorNameRequired', id: 'listErrorIdInvalid' });
    expect(createFlowErrors(refusal('BAD_REQUEST', 'x', [{ path: 'name', message: 'long' }]), { name: 'n'.repeat(121) })).toEqual({
      name: 'listErrorNameLong',
    });
  });

  it('says the session ended when the role no longer allows it, and something failed otherwise', () => {
    expect(createFlowErrors(refusal('FORBIDDEN', 'no'), { name: 'X' })).toEqual({ form: 'errorNotAllowed' });
    expect(createFlowErrors(new Error('offline'), { name: 'X' })).toEqual({ form: 'errorGeneric' });
  });
});

describe('importProblem', () => {
  it('keeps the server explanation and the validator findings of a refused file', () => {
    const issues = [{ path: 'node menu', message: 'The node "menu" cannot be reached from start.' }];
    const problem = importProblem(refusal('BAD_REQUEST', 'The flow has 1 error. First: …', issues));
    expect(problem).toEqual({ message: 'The flow has 1 error. First: …', fallback: 'listImportRefused', issues });
  });

  it('does not show the internals of an unexpected failure', () => {
    expect(importProblem(refusal('INTERNAL_SERVER_ERROR', 'stack trace'))).toEqual({ message: null, fallback: 'errorGeneric', issues: [] });
  });
});
