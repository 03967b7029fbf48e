'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { localePath } from '@/app/lib/localePath';
import { roleKey } from '@/app/lib/roleLabels';
import { useTRPC } from '@/app/lib/trpc';
import { DateTime } from '@/app/ui/DateTime';
import { Spinner } from '@/app/ui/Spinner';
import type { Role } from '@/server/db/schema';
import { problemKey } from '../problemKey';

interface UserRowProps {
  locale: Locale;
  user: RouterOutputs['users']['list'][number];
  roles: readonly Role[];
  /** The signed-in admin's own row. */
  isYou: boolean;
}

/** One account, whose role changes as soon as another is picked. */
export function UserRow({ locale, user, roles, isYou }: UserRowProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: async (updated) => {
        // An admin who gave up their own admin role can no longer use this page.
        if (isYou && updated.role !== 'admin') {
          window.location.assign(localePath('/', locale));
          return;
        }
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  // While saving, the pick stays visible; if refused, the select falls back to the stored role.
  const shown = setRole.isPending ? setRole.variables.role : user.role;
  const error = setRole.error ? refusalKey(apiError(setRole.error).code) : undefined;
  const errorId = `role-error-${user.id}`;

  function change(event: ChangeEvent<HTMLSelectElement>) {
    const role = roles.find((candidate) => candidate === event.target.value);
    if (role) setRole.mutate({ userId: user.id, role });
  }

  return (
    <tr>
      <td>
        <span className="cell-strong">{user.name}</span>
        {isYou && <span className="badge badge-all badge-inline">{t(locale, 'you')}</span>}
      </td>
      <td>{user.email}</td>
      <td>
        <div className="cell-row">
          <select
            className="select"
            value={shown}
            onChange={change}
            disabled={setRole.isPending}
            aria-label={t(locale, 'roleOf', { name: user.name })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(locale, roleKey(role))}
              </option>
            ))}
          </select>
          {setRole.isPending && (
            <span className="inline-status" role="status">
              <Spinner />
              {t(locale, 'savingRole')}
            </span>
          )}
        </div>
        {error && (
          <p id={errorId} className="cell-error" role="alert">
            {t(locale, error)}
          </p>
        )}
      </td>
      <td>
        <DateTime locale={locale} iso={user.createdAt} />
      </td>
    </tr>
  );
}

/** Demoting the last admin is the one refusal specific to roles. */
function refusalKey(code: string | undefined): MessageKey {
  return code === 'PRECONDITION_FAILED' ? 'errorLastAdmin' : problemKey(code);
}
