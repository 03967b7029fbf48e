import type { MessageKey } from '@/app/i18n/messages';
import type { ApiError } from '@/app/lib/apiError';
import { problemKey } from '../problemKey';

export const NEW_USER_FIELDS = ['name', 'email', 'password', 'role'] as const;
export type NewUserField = (typeof NEW_USER_FIELDS)[number];

export interface NewUserErrors {
  /** Per field, the catalog key of what is wrong (rendered with `{ min }`). */
  fields: Partial<Record<NewUserField, MessageKey>>;
  /** A problem of the form as a whole, when no field explains the refusal. */
  problem?: MessageKey;
}

/**
 * Why the server refused a new account, in our own catalog: the server checks the rules (and
 * is the only one that knows a taken email), its English messages are not shown as they are.
 *
 * @example newUserErrors({ code: 'CONFLICT', issues: [] }, values, 8) // → { fields: { email: 'errorEmailTaken' } }
 */
export function newUserErrors(
  error: ApiError,
  values: { name: string; password: string },
  minPasswordLength: number,
): NewUserErrors {
  if (error.code === 'CONFLICT') return { fields: { email: 'errorEmailTaken' } };
  if (error.code !== 'BAD_REQUEST') return { fields: {}, problem: problemKey(error.code) };
  const fields: NewUserErrors['fields'] = {};
  for (const issue of error.issues) {
    const field = issue.path.split('.')[0];
    if (field === 'name') fields.name = values.name.trim() ? 'errorNameLong' : 'errorNameMissing';
    if (field === 'email') fields.email = 'errorEmailInvalid';
    if (field === 'password') fields.password = values.password.length < minPasswordLength ? 'errorPasswordShort' : 'errorPasswordLong';
    if (field === 'role') fields.role = 'errorGeneric';
  }
  return Object.keys(fields).length > 0 ? { fields } : { fields, problem: 'errorGeneric' };
}
