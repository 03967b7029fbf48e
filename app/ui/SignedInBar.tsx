import Link from 'next/link';
import { t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';
import { roleKey } from '@/app/lib/roleLabels';
import type { Role } from '@/server/db/schema';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SignOutButton } from './SignOutButton';
import { TopBar } from './TopBar';

interface SignedInBarProps {
  locale: Locale;
  user: { name: string; role: Role };
  /** The page shown, for the language links and to mark the current section. */
  path: string;
}

/** The top bar of a signed-in page: who is signed in, Settings for admins, sign out, language. */
export function SignedInBar({ locale, user, path }: SignedInBarProps) {
  const inSettings = path.startsWith('/settings');
  return (
    <TopBar locale={locale}>
      {(user.role === 'agent' || user.role === 'admin') && (
        <Link href={localePath('/agent', locale)} className="topbar-link" aria-current={path.startsWith('/agent') ? 'page' : undefined}>
          {t(locale, 'deskLink')}
        </Link>
      )}
      {/* Only admins can use Settings; others would find nothing there but a refusal. */}
      {user.role === 'admin' && (
        <Link
          href={localePath('/settings/users', locale)}
          className="topbar-link"
          aria-current={inSettings ? 'page' : undefined}
        >
          {t(locale, 'settingsLink')}
        </Link>
      )}
      <div className="account" aria-label={t(locale, 'account')}>
        <span className="account-name">{user.name}</span>
        <span className="badge">{t(locale, roleKey(user.role))}</span>
      </div>
      <SignOutButton locale={locale} />
      <LanguageSwitcher current={locale} path={path} />
    </TopBar>
  );
}
