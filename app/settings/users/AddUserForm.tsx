'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import { focusField, formText } from '@/app/lib/formValues';
import { roleKey } from '@/app/lib/roleLabels';
import { useTRPC } from '@/app/lib/trpc';
import { Field } from '@/app/ui/Field';
import { SelectField } from '@/app/ui/SelectField';
import { Spinner } from '@/app/ui/Spinner';
import type { Role } from '@/server/db/schema';
import { NEW_USER_FIELDS, newUserErrors, type NewUserErrors } from './newUserErrors';

interface AddUserFormProps {
  locale: Locale;
  roles: readonly Role[];
  minPasswordLength: number;
}

/** New people start as viewers unless the admin picks more: the least that lets them in. */
const DEFAULT_ROLE: Role = 'viewer';

/**
 * Adds an account. The server checks every rule (it alone knows which emails are taken), so
 * the form sends what was typed and shows what comes back on the fields.
 */
export function AddUserForm({ locale, roles, minPasswordLength }: AddUserFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const createUser = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );
  const [errors, setErrors] = useState<NewUserErrors>({ fields: {} });
  const [added, setAdded] = useState<string | null>(null);
  const message = (field: keyof NewUserErrors['fields']) => {
    const key = errors.fields[field];
    return key && t(locale, key, { min: minPasswordLength });
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = { name: formText(data, 'name'), email: formText(data, 'email').trim(), password: formText(data, 'password') };
    const role = roles.find((candidate) => candidate === formText(data, 'role')) ?? DEFAULT_ROLE;
    setErrors({ fields: {} });
    setAdded(null);
    try {
      const user = await createUser.mutateAsync({ ...values, role });
      form.reset();
      setAdded(user.email);
    } catch (error) {
      const found = newUserErrors(apiError(error), values, minPasswordLength);
      setErrors(found);
      const first = NEW_USER_FIELDS.find((field) => found.fields[field]);
      if (first) focusField(form, first);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field name="name" label={t(locale, 'fieldName')} autoComplete="off" error={message('name')} />
        <Field name="email" type="email" label={t(locale, 'fieldEmail')} autoComplete="off" error={message('email')} />
        <Field
          name="password"
          type="password"
          label={t(locale, 'fieldPassword')}
          autoComplete="new-password"
          hint={t(locale, 'passwordHint', { min: minPasswordLength })}
          error={message('password')}
        />
        <SelectField
          name="role"
          label={t(locale, 'fieldRole')}
          defaultValue={DEFAULT_ROLE}
          options={roles.map((role) => ({ value: role, label: t(locale, roleKey(role)) }))}
          error={message('role')}
        />
      </div>
      {errors.problem && (
        <p className="form-error" role="alert">
          {t(locale, errors.problem)}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={createUser.isPending}>
          {createUser.isPending && <Spinner />}
          {t(locale, createUser.isPending ? 'addingUser' : 'addUser')}
        </button>
        {/* Always present, so screen readers announce the text when it appears. */}
        <p className="form-success" role="status">
          {added && t(locale, 'userAdded', { email: added })}
        </p>
      </div>
    </form>
  );
}
