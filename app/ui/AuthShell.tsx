import type { ReactNode } from 'react';
import type { Locale } from '@/app/i18n/messages';
import { LanguageSwitcher } from './LanguageSwitcher';
import { TopBar } from './TopBar';

interface AuthShellProps {
  locale: Locale;
  path: string;
  /** Query parameters the language links keep. */
  params?: Record<string, string | undefined>;
  title: string;
  intro: string;
  children: ReactNode;
}

/** The frame of the pages seen before signing in: a single card under the top bar. */
export function AuthShell({ locale, path, params, title, intro, children }: AuthShellProps) {
  return (
    <div className="shell" lang={locale}>
      <TopBar locale={locale}>
        <LanguageSwitcher current={locale} path={path} params={params} />
      </TopBar>
      <main className="auth-main">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title">{title}</h1>
          <p className="muted">{intro}</p>
          {children}
        </section>
      </main>
    </div>
  );
}
