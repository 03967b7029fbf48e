'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { slugify } from '@/flows/schema/slugify';
import { t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { useTRPC } from '@/app/lib/trpc';
import { Spinner } from '@/app/ui/Spinner';
import { Dialog } from './Dialog';
import { createFlowErrors } from './flowErrors';
import styles from './FlowsList.module.css';

/**
 * A new flow: a name, and an id that defaults to one derived from the name (the server makes
 * it unique). On success the editor opens; refusals are shown on their fields.
 */
export function CreateFlowDialog({ locale, onClose }: { locale: Locale; onClose(): void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: (created) => router.push(localePath(`/flows/${created.flow.id}`, locale)),
    }),
  );
  const errors = create.error ? createFlowErrors(create.error, { name }) : {};
  const busy = create.isPending || create.isSuccess;

  return (
    <Dialog title={t(locale, 'listCreateTitle')} onClose={onClose}>
      <p className="muted">{t(locale, 'listCreateIntro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, id: id.trim() === '' ? undefined : id.trim() });
        }}
      >
        <div className="field">
          <label htmlFor="new-flow-name">{t(locale, 'listFieldName')}</label>
          <input
            id="new-flow-name"
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'new-flow-name-error' : undefined}
          />
          {errors.name && (
            <p id="new-flow-name-error" className="field-error">
              {t(locale, errors.name)}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="new-flow-id">{t(locale, 'listFieldId')}</label>
          <input
            id="new-flow-id"
            value={id}
            placeholder={slugify(name)}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => setId(event.target.value)}
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={errors.id ? 'new-flow-id-error new-flow-id-hint' : 'new-flow-id-hint'}
          />
          <p id="new-flow-id-hint" className="field-hint">
            {t(locale, 'listIdHint', { slug: slugify(name) })}
          </p>
          {errors.id && (
            <p id="new-flow-id-error" className="field-error">
              {t(locale, errors.id)}
            </p>
          )}
        </div>
        {errors.form && (
          <p className="form-error" role="alert">
            {t(locale, errors.form)}
          </p>
        )}
        <div className={styles.dialogActions}>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t(locale, 'cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy && <Spinner />}
            {t(locale, busy ? 'listCreating' : 'listCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
