import { t } from '@/app/i18n/messages';
import type { SearchParams } from '@/app/lib/pageParams';
import { SettingsShell } from '../SettingsShell';
import { settingsPage } from '../settingsPage';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateKeyForm } from './CreateKeyForm';

const PATH = '/settings/api-keys';

/** API keys: create one (shown once), see when each was last used, revoke. */
export default async function ApiKeysSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, api, user, isAdmin } = await settingsPage(searchParams, PATH);
  const keys = isAdmin ? await api.apiKeys.list() : [];

  return (
    <SettingsShell locale={locale} user={user} path={PATH}>
      <section className="panel" aria-labelledby="create-key-title">
        <h2 id="create-key-title">{t(locale, 'createKeyTitle')}</h2>
        <p className="muted">{t(locale, 'keysIntro')}</p>
        <CreateKeyForm locale={locale} />
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <ApiKeysTable locale={locale} initialKeys={keys} />
      </section>
    </SettingsShell>
  );
}
