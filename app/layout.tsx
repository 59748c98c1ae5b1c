import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import * as React from 'react';

import { NavigationProgress } from '@/components/navigation-progress';
import { ThemeProvider } from '@/components/theme-provider';
import { Toaster } from '@/components/ui/sonner';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s · Agency Portal', default: 'Agency Portal' },
  description: 'Follow your projects and talk with the agency.',
  applicationName: 'Agency Portal',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The per-request CSP nonce from proxy.ts (docs/decisions/009): next-themes' inline script,
  // which sets the theme class before paint, runs only with it. Next.js puts the nonce on its
  // own scripts by itself. Reading headers() keeps every page dynamic (they all are: sessions).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh">
        <ThemeProvider nonce={nonce}>
          {children}
          <Toaster richColors closeButton position="top-center" />
          <NavigationProgress />
        </ThemeProvider>
      </body>
    </html>
  );
}
