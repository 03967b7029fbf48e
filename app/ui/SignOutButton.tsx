'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { authClient } from '@/app/lib/authClient';
import { localePath } from '@/app/lib/localePath';

export function SignOutButton({ locale }: { locale: Locale }) {
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await authClient.signOut();
    // A full load drops everything fetched for the person who just left (router cache,
    // queries). Had signing out failed, the sign-in page sends a signed-in visitor home.
    window.location.assign(localePath('/sign-in', locale));
  }

  return (
    <button type="button" className="button button-quiet" onClick={signOut} disabled={pending}>
      {t(locale, pending ? 'signingOut' : 'signOut')}
    </button>
  );
}
