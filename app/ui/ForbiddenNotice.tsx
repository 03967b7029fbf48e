// What a signed-in user sees on a page their role may not open, with the way back to the flows.
import Link from 'next/link';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { localePath } from '@/app/lib/localePath';

export function ForbiddenNotice({ locale, title, body }: { locale: Locale; title: MessageKey; body: MessageKey }) {
  return (
    <div className="empty notice">
      <h1>{t(locale, title)}</h1>
      <p className="muted">{t(locale, body)}</p>
      <Link href={localePath('/', locale)} className="button">
        {t(locale, 'backToFlows')}
      </Link>
    </div>
  );
}
