import { t } from '@/app/i18n/messages';
import type { SearchParams } from '@/app/lib/pageParams';
import { PASSWORD_MIN_LENGTH } from '@/server/auth/auth';
import { ROLES } from '@/server/db/schema';
import { SettingsShell } from '../SettingsShell';
import { settingsPage } from '../settingsPage';
import { AddUserForm } from './AddUserForm';
import { UsersTable } from './UsersTable';

const PATH = '/settings/users';

/** Accounts: everyone who can sign in, their roles, and a form to add someone. */
export default async function UsersSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, api, user, isAdmin } = await settingsPage(searchParams, PATH);
  // Loaded here so the table shows at once; the browser keeps it fresh from then on.
  const users = isAdmin ? await api.users.list() : [];

  return (
    <SettingsShell locale={locale} user={user} path={PATH}>
      <section className="panel" aria-labelledby="users-title">
        <UsersTable locale={locale} roles={ROLES} currentUserId={user.id} initialUsers={users} />
      </section>
      <section className="panel" aria-labelledby="add-user-title">
        <h2 id="add-user-title">{t(locale, 'addUserTitle')}</h2>
        <p className="muted">{t(locale, 'addUserIntro')}</p>
        <AddUserForm locale={locale} roles={ROLES} minPasswordLength={PASSWORD_MIN_LENGTH} />
      </section>
    </SettingsShell>
  );
}
