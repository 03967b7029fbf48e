'use client';
import { useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';

interface NewKeyBoxProps {
  locale: Locale;
  name: string;
  /** The key itself: the server keeps only its hash, so this is the one time it exists here. */
  secret: string;
  onDismiss(): void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The key just created, with a Copy button and the warning that it will not be shown again. */
export function NewKeyBox({ locale, name, secret, onDismiss }: NewKeyBoxProps) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copyKey() {
    try {
      // Missing outside secure contexts (plain http on another host), and it may be refused.
      await navigator.clipboard.writeText(secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section className="new-key" aria-labelledby="new-key-title">
      <h3 id="new-key-title">{t(locale, 'newKeyTitle', { name })}</h3>
      <p>{t(locale, 'newKeyWarning')}</p>
      <div className="new-key-value">
        {/* Read-only input: one click selects all of it, for copying by hand. */}
        <input
          readOnly
          value={secret}
          aria-labelledby="new-key-title"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={copyKey}>
          {t(locale, copy === 'copied' ? 'copiedKey' : 'copyKey')}
        </button>
      </div>
      <p className="new-key-status" role="status">
        {copy === 'failed' && t(locale, 'errorCopy')}
      </p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t(locale, 'dismissKey')}
      </button>
    </section>
  );
}
