import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from './lib/trpc';
// Bundled with the build and served by the app itself (see globals.css).
import '@fontsource-variable/inter';
import '@fontsource-variable/noto-sans-thai';
import './globals.css';

export const metadata: Metadata = {
  title: 'Switchboard',
  description: 'Omnichannel customer journeys for contact centers',
  icons: { icon: '/logo.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  // The page sets `lang` on its own content, since the locale comes from its search params.
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
