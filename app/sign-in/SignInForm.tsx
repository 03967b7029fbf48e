'use client';
import { useState, type FormEvent } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { authClient } from '@/app/lib/authClient';
import { focusField, formText, looksLikeEmail } from '@/app/lib/formValues';
import { Field } from '@/app/ui/Field';

interface SignInFormProps {
  locale: Locale;
  /** Where to go once signed in: a path on this site, already checked by the page. */
  next: string;
}

type SignInErrors = Partial<Record<'email' | 'password', MessageKey>>;

export function SignInForm({ locale, next }: SignInFormProps) {
  const [errors, setErrors] = useState<SignInErrors>({});
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = formText(data, 'email').trim();
    const password = formText(data, 'password');
    const found: SignInErrors = {};
    if (!looksLikeEmail(email)) found.email = 'errorEmailInvalid';
    if (!password) found.password = 'errorPasswordRequired';
    setErrors(found);
    setProblem(null);
    const first = found.email ? 'email' : found.password ? 'password' : undefined;
    if (first) {
      focusField(form, first);
      return;
    }

    setPending(true);
    const { error } = await authClient.signIn.email({ email, password });
    if (error) {
      setPending(false);
      setProblem(signInProblem(error.status));
      focusField(form, 'password');
      return;
    }
    // A full load: nothing rendered or prefetched while signed out (the router cache, queries)
    // carries over into the signed-in app.
    window.location.assign(next);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field
        name="email"
        type="email"
        label={t(locale, 'fieldEmail')}
        autoComplete="username"
        error={errors.email && t(locale, errors.email)}
        autoFocus
      />
      <Field
        name="password"
        type="password"
        label={t(locale, 'fieldPassword')}
        autoComplete="current-password"
        error={errors.password && t(locale, errors.password)}
      />
      {problem && (
        <p className="form-error" role="alert">
          {t(locale, problem)}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={pending}>
        {t(locale, pending ? 'signingIn' : 'signInButton')}
      </button>
    </form>
  );
}

/** better-auth answers 401 for a wrong email or password and 429 when rate limited. */
function signInProblem(status: number): MessageKey {
  if (status === 401 || status === 400) return 'errorWrongCredentials';
  if (status === 429) return 'errorTooManyAttempts';
  return 'errorGeneric';
}
