import type { MessageKey } from '@/app/i18n/messages';
import { looksLikeEmail } from '@/app/lib/formValues';

export const OWNER_FIELDS = ['name', 'email', 'password', 'confirm'] as const;
export type OwnerField = (typeof OWNER_FIELDS)[number];
export type OwnerValues = Record<OwnerField, string>;
/** Per field, the catalog key of what is wrong (rendered with `{ min }`). */
export type OwnerErrors = Partial<Record<OwnerField, MessageKey>>;

/**
 * Checks the owner form before it is sent, so a typo in the confirmation never reaches the
 * server; the server checks the same rules again.
 *
 * @example checkOwner({ name: 'Ana', email: 'ana@example.com', password: 'a', confirm: 'a' }, 8)
 *          // → { password: 'errorPasswordShort' }
 */
export function checkOwner(values: OwnerValues, minPasswordLength: number): OwnerErrors {
  const errors: OwnerErrors = {};
  if (!values.name.trim()) errors.name = 'errorNameRequired';
  if (!looksLikeEmail(values.email.trim())) errors.email = 'errorEmailInvalid';
  if (values.password.length < minPasswordLength) errors.password = 'errorPasswordShort';
  else if (values.confirm !== values.password) errors.confirm = 'errorPasswordMismatch';
  return errors;
}

/** The server's input issues (`{ path }` names the field) as messages of our own catalog. */
export function ownerErrorsFromIssues(issues: { path: string }[]): OwnerErrors {
  const errors: OwnerErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0];
    if (field === 'name') errors.name = 'errorNameRequired';
    if (field === 'email') errors.email = 'errorEmailInvalid';
    if (field === 'password') errors.password = 'errorPasswordShort';
  }
  return errors;
}

/** The first field with a problem, in the order the form shows them. */
export function firstOwnerError(errors: OwnerErrors): OwnerField | undefined {
  return OWNER_FIELDS.find((field) => errors[field]);
}
