// A small inline icon set: the lucide names the node catalog uses plus the editor's own, drawn
// as 24×24 strokes (no icon package is installed). Unknown names get a neutral dot.
import { memo, type ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  play: <path d="M7 4.5v15l12-7.5z" />,
  flag: (
    <>
      <path d="M5 21V4" />
      <path d="M5 4h11l-2 4 2 4H5" />
    </>
  ),
  'message-square': <path d="M21 15a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2z" />,
  list: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="M4 6h.01M4 12h.01M4 18h.01" />
    </>
  ),
  'text-cursor-input': (
    <>
      <path d="M13 20h-1a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3h1" />
      <path d="M5 4h1a3 3 0 0 1 3 3v10a3 3 0 0 1-3 3H5" />
      <path d="M13 8h7a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-7" />
    </>
  ),
  brain: (
    <>
      <path d="M12 5a3 3 0 0 0-5.9-.5A3 3 0 0 0 4 9.5a3.5 3.5 0 0 0 1 6.4A3 3 0 0 0 12 18z" />
      <path d="M12 5a3 3 0 0 1 5.9-.5A3 3 0 0 1 20 9.5a3.5 3.5 0 0 1-1 6.4A3 3 0 0 1 12 18z" />
      <path d="M12 5v15" />
    </>
  ),
  'git-branch': (
    <>
      <circle cx="6" cy="5" r="2" />
      <circle cx="18" cy="7" r="2" />
      <circle cx="6" cy="19" r="2" />
      <path d="M6 7v10M18 9a6 6 0 0 1-6 6H6" />
    </>
  ),
  variable: (
    <>
      <path d="M8 3C5 6 5 18 8 21M16 3c3 3 3 15 0 18" />
      <path d="M9.5 9l5 6M14.5 9l-5 6" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </>
  ),
  clock: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7v5l3 2" />
    </>
  ),
  split: <path d="M16 3h5v5M8 3H3v5M21 3l-7 7a3 3 0 0 0-1 2v9M3 3l7 7" />,
  hourglass: <path d="M6 3h12M6 21h12M7 3c0 5 10 6 10 9s-10 4-10 9M17 3c0 5-10 6-10 9s10 4 10 9" />,
  'arrow-right-left': <path d="M16 3l4 4-4 4M20 7H4M8 21l-4-4 4-4M4 17h16" />,
  link: (
    <>
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </>
  ),
  headset: (
    <>
      <path d="M3 14v-2a9 9 0 0 1 18 0v2" />
      <path d="M3 14h3v6H5a2 2 0 0 1-2-2zM21 14h-3v6h1a2 2 0 0 0 2-2z" />
    </>
  ),
  star: <path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z" />,
  workflow: (
    <>
      <rect x="3" y="3" width="7" height="7" rx="1.5" />
      <rect x="14" y="14" width="7" height="7" rx="1.5" />
      <path d="M7 10v4a3 3 0 0 0 3 3h4" />
    </>
  ),
  // The editor's own.
  undo: <path d="M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  layout: (
    <>
      <rect x="3" y="3" width="6" height="6" rx="1" />
      <rect x="15" y="3" width="6" height="6" rx="1" />
      <rect x="15" y="15" width="6" height="6" rx="1" />
      <path d="M9 6h6M18 9v6" />
    </>
  ),
  keyboard: (
    <>
      <rect x="2" y="6" width="20" height="12" rx="2" />
      <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
    </>
  ),
  copy: (
    <>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </>
  ),
  trash: <path d="M3 6h18M8 6V4h8v2M6 6l1 14h10l1-14M10 11v6M14 11v6" />,
  plus: <path d="M12 5v14M5 12h14" />,
  'chevron-left': <path d="M15 18l-6-6 6-6" />,
  beaker: <path d="M9 3h6M10 3v6L4.5 19a1.5 1.5 0 0 0 1.3 2h12.4a1.5 1.5 0 0 0 1.3-2L14 9V3M7 15h10" />,
  upload: <path d="M12 16V4M7 9l5-5 5 5M4 20h16" />,
  alert: <path d="M12 9v4M12 17h.01M10.3 3.9L2 18a2 2 0 0 0 1.7 3h16.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />,
  x: <path d="M18 6L6 18M6 6l12 12" />,
  check: <path d="M20 6L9 17l-5-5" />,
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="M21 21l-4.3-4.3" />
    </>
  ),
};

export const Icon = memo(function Icon({ name, size = 16 }: { name: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name] ?? <circle cx="12" cy="12" r="4" />}
    </svg>
  );
});
