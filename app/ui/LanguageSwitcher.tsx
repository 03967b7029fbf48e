import Link from 'next/link';
import { locales, t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';

const LABELS: Record<Locale, string> = { en: 'EN', th: 'ไทย' };

interface LanguageSwitcherProps {
  current: Locale;
  /** The page the links point at: switching language stays on it. */
  path: string;
  /** Query parameters of the page to keep, such as `next` on the sign-in page. */
  params?: Record<string, string | undefined>;
}

export function LanguageSwitcher({ current, path, params = {} }: LanguageSwitcherProps) {
  return (
    <nav className="lang-switch" aria-label={t(current, 'languageSwitcher')}>
      {locales.map((locale, index) => (
        <span key={locale}>
          {index > 0 && <span className="divider">|</span>}
          <Link
            href={localePath(path, locale, params)}
            lang={locale}
            aria-current={locale === current ? 'page' : undefined}
          >
            {LABELS[locale]}
          </Link>
        </span>
      ))}
    </nav>
  );
}
