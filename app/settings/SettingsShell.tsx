import Link from 'next/link';
import type { ReactNode } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { ForbiddenNotice } from '@/app/ui/ForbiddenNotice';
import { SignedInBar } from '@/app/ui/SignedInBar';
import type { Role } from '@/server/db/schema';

const SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/settings/users', label: 'settingsAccounts' },
  { path: '/settings/api-keys', label: 'settingsApiKeys' },
  { path: '/settings/routing', label: 'settingsRouting' },
];

interface SettingsShellProps {
  locale: Locale;
  user: { name: string; role: Role };
  /** The section shown, one of SECTIONS. */
  path: string;
  children: ReactNode;
}

/**
 * The frame of every settings section: top bar, title and section tabs. Someone who is not an
 * admin gets an explanation instead of the section.
 */
export function SettingsShell({ locale, user, path, children }: SettingsShellProps) {
  return (
    <div className="shell" lang={locale}>
      <SignedInBar locale={locale} user={user} path={path} />
      <main className="content">
        {user.role === 'admin' ? (
          <>
            <div className="section-head">
              <h1>{t(locale, 'settingsTitle')}</h1>
            </div>
            <p className="muted">{t(locale, 'settingsIntro')}</p>
            <nav className="tabs" aria-label={t(locale, 'settingsSections')}>
              {SECTIONS.map((section) => (
                <Link
                  key={section.path}
                  href={localePath(section.path, locale)}
                  className="tab"
                  aria-current={section.path === path ? 'page' : undefined}
                >
                  {t(locale, section.label)}
                </Link>
              ))}
            </nav>
            {children}
          </>
        ) : (
          <ForbiddenNotice locale={locale} title="forbiddenTitle" body="forbiddenBody" />
        )}
      </main>
    </div>
  );
}
