import Image from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';

/** The bar across the top of every page: the brand (home link) and page-specific controls. */
export function TopBar({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <header className="topbar">
      <Link href={localePath('/', locale)} className="brand">
        <Image src="/logo.svg" alt="" width={32} height={32} unoptimized />
        <div>
          <p className="brand-name">{t(locale, 'appName')}</p>
          <p className="brand-tagline">{t(locale, 'tagline')}</p>
        </div>
      </Link>
      <div className="topbar-end">{children}</div>
    </header>
  );
}
