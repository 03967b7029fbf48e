import { describe, expect, it } from 'vitest';
import { checkOwner, firstOwnerError, ownerErrorsFromIssues } from './checkOwner';

const valid = { name: 'Ana', email: 'ana@example.com', password: 'long enough', confirm: 'long enough' };

describe('checkOwner', () => {
  it('accepts a complete form', () => {
    expect(checkOwner(valid, 8)).toEqual({});
  });

  it('names every empty or malformed field', () => {
    const errors = checkOwner({ name: ' ', email: 'ana', password: 'short', confirm: '' }, 8);
    expect(errors).toEqual({ name: 'errorNameRequired', email: 'errorEmailInvalid', password: 'errorPasswordShort' });
    expect(firstOwnerError(errors)).toBe('name');
  });

  it('catches a confirmation that differs', () => {
    expect(checkOwner({ ...valid, confirm: 'long enougH' }, 8)).toEqual({ confirm: 'errorPasswordMismatch' });
  });

  it('maps the server input issues to the fields', () => {
    expect(ownerErrorsFromIssues([{ path: 'email' }, { path: 'password' }, { path: 'unknown' }])).toEqual({
      email: 'errorEmailInvalid',
      password: 'errorPasswordShort',
    });
  });
});
