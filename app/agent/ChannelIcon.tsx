// Channel icons (24×24 strokes, lucide-like; no icon package is installed).
import type { ReactNode } from 'react';
import styles from './desk.module.css';

const MOBILE = (
  <>
    <rect x="6" y="2" width="12" height="20" rx="2" />
    <path d="M11 18h2" />
  </>
);

const PATHS: Record<string, ReactNode> = {
  webchat: <path d="M21 15a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2z" />,
  voice: (
    <path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z" />
  ),
  sms: MOBILE,
  phone: MOBILE,
  line: (
    <>
      <path d="M12 3C6.5 3 2 6.6 2 11c0 3.9 3.5 7.2 8.3 7.9.3.1.8.2.9.5.1.3.1.7 0 1l-.1.9c0 .3-.2 1 .9.5s6-3.5 8.2-6C21.4 14.3 22 12.7 22 11c0-4.4-4.5-8-10-8z" />
    </>
  ),
  email: (
    <>
      <rect x="2" y="4" width="20" height="16" rx="2" />
      <path d="M22 7l-10 6L2 7" />
    </>
  ),
  api: <path d="M16 18l6-6-6-6M8 6l-6 6 6 6" />,
};

export function ChannelIcon({ channel, label, small = false }: { channel: string; label: string; small?: boolean }) {
  const size = small ? 12 : 16;
  return (
    <span className={`${styles.channelIcon} ${small ? styles.channelIconSmall : ''}`} data-channel={channel} role="img" aria-label={label} title={label}>
      <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {PATHS[channel] ?? <circle cx="12" cy="12" r="4" />}
      </svg>
    </span>
  );
}
