'use client';
import { useQuery } from '@tanstack/react-query';
import { t, type Locale } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import { ApiKeyRow } from './ApiKeyRow';

interface ApiKeysTableProps {
  locale: Locale;
  /** The list as the page loaded it; refetched after a key is created or revoked. */
  initialKeys: RouterOutputs['apiKeys']['list'];
}

export function ApiKeysTable({ locale, initialKeys }: ApiKeysTableProps) {
  const trpc = useTRPC();
  const { data: keys } = useQuery(trpc.apiKeys.list.queryOptions(undefined, { initialData: initialKeys }));
  const countKey = keys.length === 1 ? 'keyCountOne' : 'keyCountOther';

  return (
    <>
      <div className="panel-head">
        <h2 id="keys-title">{t(locale, 'settingsApiKeys')}</h2>
        <span className="count">{t(locale, countKey, { count: keys.length })}</span>
      </div>
      {keys.length === 0 ? (
        <div className="empty">
          <h2>{t(locale, 'keysEmptyTitle')}</h2>
          <p className="muted">{t(locale, 'keysEmptyBody')}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t(locale, 'columnName')}</th>
                <th scope="col">{t(locale, 'columnKey')}</th>
                <th scope="col">{t(locale, 'columnCreated')}</th>
                <th scope="col">{t(locale, 'columnLastUsed')}</th>
                <th scope="col">{t(locale, 'columnStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t(locale, 'columnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <ApiKeyRow key={key.id} locale={locale} apiKey={key} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
