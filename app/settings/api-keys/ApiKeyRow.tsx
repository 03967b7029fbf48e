'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import { DateTime } from '@/app/ui/DateTime';
import { Spinner } from '@/app/ui/Spinner';
import { problemKey } from '../problemKey';

/** How many columns the table has, for the confirmation spanning them. */
const COLUMNS = 6;

interface ApiKeyRowProps {
  locale: Locale;
  apiKey: RouterOutputs['apiKeys']['list'][number];
}

/** One key. Revoking cannot be undone, so it asks first, in a row under the key. */
export function ApiKeyRow({ locale, apiKey }: ApiKeyRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
        setConfirming(false);
      },
    }),
  );
  const revoked = apiKey.revokedAt !== null;

  return (
    <>
      <tr className={revoked ? 'row-inactive' : undefined}>
        <td className="cell-strong">{apiKey.name}</td>
        <td>
          <code>{apiKey.prefix}…</code>
        </td>
        <td>
          <DateTime locale={locale} iso={apiKey.createdAt} />
        </td>
        <td>{apiKey.lastUsedAt ? <DateTime locale={locale} iso={apiKey.lastUsedAt} /> : t(locale, 'neverUsed')}</td>
        <td>
          {revoked ? (
            <span className="badge badge-error">{t(locale, 'keyRevoked')}</span>
          ) : (
            <span className="badge badge-ok">{t(locale, 'keyActive')}</span>
          )}
        </td>
        <td className="cell-actions">
          {!revoked && !confirming && (
            <button type="button" className="button button-small" onClick={() => setConfirming(true)}>
              {t(locale, 'revokeKey')}
            </button>
          )}
        </td>
      </tr>
      {!revoked && confirming && (
        <tr className="confirm-row">
          <td colSpan={COLUMNS}>
            <div className="confirm" role="group" aria-label={t(locale, 'revokeKey')}>
              <p>{t(locale, 'revokeQuestion', { name: apiKey.name })}</p>
              <button
                type="button"
                className="button button-danger button-small"
                onClick={() => revoke.mutate({ id: apiKey.id })}
                disabled={revoke.isPending}
              >
                {revoke.isPending && <Spinner />}
                {t(locale, revoke.isPending ? 'revoking' : 'revokeConfirm')}
              </button>
              {/* Focus lands on the safe choice: Enter right after clicking Revoke cancels. */}
              <button
                type="button"
                className="button button-small"
                onClick={() => setConfirming(false)}
                disabled={revoke.isPending}
                autoFocus
              >
                {t(locale, 'cancel')}
              </button>
            </div>
            {revoke.error && (
              <p className="cell-error" role="alert">
                {t(locale, problemKey(apiError(revoke.error).code))}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
