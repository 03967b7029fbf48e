'use client';
// The reply box: Enter sends, Shift+Enter adds a line. "Note" mode writes an internal note
// instead (its own colour, never sent). Canned responses open from the button or by typing "/".
import { useRef, useState } from 'react';
import { t, type Locale } from '@/app/i18n/messages';
import { CannedPicker } from './CannedPicker';
import styles from './desk.module.css';
import type { CannedResponse } from './deskTypes';

export type ComposerMode = 'reply' | 'note';

interface ComposerProps {
  locale: Locale;
  channelLabel: string;
  canned: CannedResponse[];
  /** Replying needs the conversation assigned to the agent; notes do not. */
  canReply: boolean;
  busy: boolean;
  onSend(mode: ComposerMode, text: string): Promise<boolean>;
  fillCanned(id: string): Promise<string | null>;
}

export function Composer({ locale, channelLabel, canned, canReply, busy, onSend, fillCanned }: ComposerProps) {
  const [mode, setMode] = useState<ComposerMode>(canReply ? 'reply' : 'note');
  const [text, setText] = useState('');
  const [picker, setPicker] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const effectiveMode: ComposerMode = canReply ? mode : 'note';

  const submit = async () => {
    const value = text.trim();
    if (!value || busy) return;
    if (await onSend(effectiveMode, value)) setText('');
    area.current?.focus();
  };

  const closePicker = () => {
    setPicker(null);
    setText((current) => (/^\/\S*$/.test(current) ? '' : current));
    area.current?.focus();
  };

  const pick = async (response: CannedResponse) => {
    setPicker(null);
    const filled = await fillCanned(response.id);
    if (filled !== null) setText((current) => (current.startsWith('/') || current.trim() === '' ? filled : `${current.trimEnd()} ${filled}`));
    area.current?.focus();
  };

  return (
    <form
      className={styles.composer}
      data-mode={effectiveMode}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className={styles.composerTabs} role="group" aria-label={t(locale, 'deskReplyLabel')}>
        <button type="button" className={styles.composerTab} aria-pressed={effectiveMode === 'reply'} disabled={!canReply} onClick={() => setMode('reply')}>
          {t(locale, 'deskModeReply')}
        </button>
        <button type="button" className={styles.composerTab} aria-pressed={effectiveMode === 'note'} onClick={() => setMode('note')}>
          {t(locale, 'deskModeNote')}
        </button>
      </div>
      <textarea
        ref={area}
        className={styles.textarea}
        aria-label={effectiveMode === 'reply' ? t(locale, 'deskReplyLabel') : t(locale, 'deskNoteLabel')}
        placeholder={effectiveMode === 'reply' ? t(locale, 'deskReplyPlaceholder') : t(locale, 'deskNotePlaceholder')}
        value={text}
        rows={3}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (effectiveMode === 'reply' && value.startsWith('/') && !value.includes(' ')) setPicker(value.slice(1));
          else if (picker !== null && !value.startsWith('/')) setPicker(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      <div className={styles.composerBar}>
        {picker !== null && <CannedPicker locale={locale} responses={canned} initialQuery={picker} onPick={(r) => void pick(r)} onClose={() => closePicker()} />}
        <span className={styles.composerHint}>{effectiveMode === 'reply' ? t(locale, 'deskReplyOn', { channel: channelLabel }) : t(locale, 'deskNoteBadge')}</span>
        {effectiveMode === 'reply' && (
          <button type="button" className="button button-small" aria-expanded={picker !== null} onClick={() => setPicker(picker === null ? '' : null)}>
            {t(locale, 'deskCanned')}
          </button>
        )}
        <button type="submit" className="button button-primary button-small" disabled={busy || text.trim() === ''}>
          {busy ? t(locale, 'deskSending') : effectiveMode === 'reply' ? t(locale, 'deskSend') : t(locale, 'deskAddNote')}
        </button>
      </div>
    </form>
  );
}
