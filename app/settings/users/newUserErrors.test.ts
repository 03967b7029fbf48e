import { describe, expect, it } from 'vitest';
import { newUserErrors } from './newUserErrors';

const values = { name: 'Dao', password: 'long enough' };

describe('newUserErrors', () => {
  it('puts a taken email on the email field', () => {
    expect(newUserErrors({ code: 'CONFLICT', issues: [] }, values, 8)).toEqual({ fields: { email: 'errorEmailTaken' } });
  });

  it('maps input issues to fields, telling a missing value from a too long one', () => {
    const issues = [{ path: 'name', message: 'enter a name' }, { path: 'email', message: 'bad' }, { path: 'password', message: 'short' }];
    expect(newUserErrors({ code: 'BAD_REQUEST', issues }, { name: ' ', password: 'short' }, 8).fields).toEqual({
      name: 'errorNameMissing',
      email: 'errorEmailInvalid',
      password: 'errorPasswordShort',
    });
    expect(newUserErrors({ code: 'BAD_REQUEST', issues }, { name: 'x'.repeat(200), password: 'y'.repeat(200) }, 8).fields).toMatchObject({
      name: 'errorNameLong',
      password: 'errorPasswordLong',
    });
  });

  it('explains refusals no field can show', () => {
    expect(newUserErrors({ code: 'FORBIDDEN', issues: [] }, values, 8)).toEqual({ fields: {}, problem: 'errorNotAllowed' });
    expect(newUserErrors({ code: 'BAD_REQUEST', issues: [{ path: '', message: '?' }] }, values, 8).problem).toBe('errorGeneric');
    expect(newUserErrors({ code: undefined, issues: [] }, values, 8).problem).toBe('errorGeneric');
  });
});
