'use client';
import { useQuery } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import type { Role } from '@/server/db/schema';
import { UserRow } from './UserRow';

interface UsersTableProps {
  locale: Locale;
  roles: readonly Role[];
  currentUserId: string;
  /** The list as the page loaded it; refetched when a change here makes it stale. */
  initialUsers: RouterOutputs['users']['list'];
}

export function UsersTable({ locale, roles, currentUserId, initialUsers }: UsersTableProps) {
  const trpc = useTRPC();
  const { data: users } = useQuery(trpc.users.list.queryOptions(undefined, { initialData: initialUsers }));
  const countKey = users.length === 1 ? 'userCountOne' : 'userCountOther';

  return (
    <>
      <div className="panel-head">
        <h2 id="users-title">{t(locale, 'settingsAccounts')}</h2>
        <span className="count">{t(locale, countKey, { count: users.length })}</span>
      </div>
      <p className="muted">{t(locale, 'usersIntro')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t(locale, 'columnName')}</th>
              <th scope="col">{t(locale, 'columnEmail')}</th>
              <th scope="col">{t(locale, 'columnRole')}</th>
              <th scope="col">{t(locale, 'columnCreated')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} locale={locale} user={user} roles={roles} isYou={user.id === currentUserId} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
