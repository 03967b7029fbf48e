'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import { authClient } from '@/app/lib/authClient';
import { focusField, formText } from '@/app/lib/formValues';
import { localePath } from '@/app/lib/localePath';
import { useTRPC } from '@/app/lib/trpc';
import { Field } from '@/app/ui/Field';
import { checkOwner, firstOwnerError, ownerErrorsFromIssues, type OwnerErrors } from './checkOwner';

/** A problem with the form as a whole; some come with a way forward. */
interface FormProblem {
  message: MessageKey;
  signInLink?: boolean;
}

interface SetupFormProps {
  locale: Locale;
  minPasswordLength: number;
}

/** Creates the owner account, signs the owner in and goes home. */
export function SetupForm({ locale, minPasswordLength }: SetupFormProps) {
  const trpc = useTRPC();
  const createOwner = useMutation(trpc.setup.createOwner.mutationOptions());
  const [errors, setErrors] = useState<OwnerErrors>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const busy = createOwner.isPending || signingIn;
  const message = (key: MessageKey | undefined) => key && t(locale, key, { min: minPasswordLength });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = {
      name: formText(data, 'name'),
      email: formText(data, 'email'),
      password: formText(data, 'password'),
      confirm: formText(data, 'confirm'),
    };
    setProblem(null);
    if (!showErrors(form, checkOwner(values, minPasswordLength))) return;

    const { name, email, password } = values;
    try {
      await createOwner.mutateAsync({ name: name.trim(), email: email.trim(), password });
    } catch (error) {
      const { code, issues } = apiError(error);
      // Bad input is shown on its fields; anything the fields cannot show, above the button.
      if (code === 'BAD_REQUEST' && !showErrors(form, ownerErrorsFromIssues(issues))) return;
      setProblem(code === 'CONFLICT' ? { message: 'errorOwnerExists', signInLink: true } : { message: 'errorGeneric' });
      return;
    }

    setSigningIn(true);
    const signedIn = await authClient.signIn.email({ email: email.trim(), password });
    if (signedIn.error) {
      setSigningIn(false);
      setProblem({ message: 'errorSignInAfterSetup', signInLink: true });
      return;
    }
    // A full load, not a client-side transition: nothing rendered or prefetched while signed
    // out (the router cache, queries) carries over into the signed-in app.
    window.location.assign(localePath('/', locale));
  }

  /** Shows the errors and focuses the first; true when there were none. */
  function showErrors(form: HTMLFormElement, found: OwnerErrors): boolean {
    setErrors(found);
    const first = firstOwnerError(found);
    if (first) focusField(form, first);
    return !first;
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field name="name" label={t(locale, 'fieldName')} autoComplete="name" error={message(errors.name)} autoFocus />
      <Field name="email" type="email" label={t(locale, 'fieldEmail')} autoComplete="email" error={message(errors.email)} />
      <Field
        name="password"
        type="password"
        label={t(locale, 'fieldPassword')}
        autoComplete="new-password"
        hint={t(locale, 'passwordHint', { min: minPasswordLength })}
        error={message(errors.password)}
      />
      <Field
        name="confirm"
        type="password"
        label={t(locale, 'fieldConfirmPassword')}
        autoComplete="new-password"
        error={message(errors.confirm)}
      />
      {problem && (
        <p className="form-error" role="alert">
          {t(locale, problem.message)}{' '}
          {problem.signInLink && <Link href={localePath('/sign-in', locale)}>{t(locale, 'goToSignIn')}</Link>}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t(locale, busy ? 'creatingOwner' : 'createOwner')}
      </button>
    </form>
  );
}
