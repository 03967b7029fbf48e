'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { apiError, type ApiError } from '@/app/lib/apiError';
import { focusField, formText } from '@/app/lib/formValues';
import { useTRPC } from '@/app/lib/trpc';
import { Field } from '@/app/ui/Field';
import { Spinner } from '@/app/ui/Spinner';
import { problemKey } from '../problemKey';
import { NewKeyBox } from './NewKeyBox';

/**
 * Creates a key and shows it, once. The secret lives only in this mutation's result: never in
 * the query cache or the URL, so a reload or another page forgets it.
 */
export function CreateKeyForm({ locale }: { locale: Locale }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const createKey = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() }),
    }),
  );
  const [nameError, setNameError] = useState<MessageKey | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = formText(new FormData(form), 'name');
    setNameError(null);
    setProblem(null);
    try {
      await createKey.mutateAsync({ name });
      form.reset();
    } catch (error) {
      const refusal = apiError(error);
      const onName = nameRefusal(refusal, name);
      if (onName) {
        setNameError(onName);
        focusField(form, 'name');
      } else {
        setProblem(problemKey(refusal.code));
      }
    }
  }

  return (
    <>
      <form className="form form-inline" onSubmit={submit} noValidate>
        <Field
          name="name"
          label={t(locale, 'fieldKeyName')}
          autoComplete="off"
          hint={t(locale, 'keyNameHint')}
          error={nameError ? t(locale, nameError) : undefined}
        />
        <button type="submit" className="button button-primary" disabled={createKey.isPending}>
          {createKey.isPending && <Spinner />}
          {t(locale, createKey.isPending ? 'creatingKey' : 'createKey')}
        </button>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {t(locale, problem)}
        </p>
      )}
      {createKey.data && (
        <NewKeyBox
          key={createKey.data.apiKey.id}
          locale={locale}
          name={createKey.data.apiKey.name}
          secret={createKey.data.key}
          onDismiss={() => createKey.reset()}
        />
      )}
    </>
  );
}

/** The server's refusal of the name (empty, or too long), if that is what it refused. */
function nameRefusal(refusal: ApiError, name: string): MessageKey | null {
  if (refusal.code !== 'BAD_REQUEST' || !refusal.issues.some((issue) => issue.path === 'name')) return null;
  return name.trim() ? 'errorNameLong' : 'errorKeyNameRequired';
}
