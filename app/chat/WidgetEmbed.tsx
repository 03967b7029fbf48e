'use client';

import { useEffect } from 'react';

declare global {
  interface Window {
    /** Set by public/widget.js. */
    SwitchboardWebchat?: { destroy(key: string): void };
  }
}

interface WidgetEmbedProps {
  src: string;
  widgetKey: string;
  locale: string;
  /** A continue link's token: the widget binds this browser to that journey first. */
  continueToken?: string;
}

/**
 * Adds the embed tag exactly as a host page would write it. Added from an effect, not rendered,
 * so switching language (a client-side navigation) mounts the widget again in the new language.
 */
export function WidgetEmbed({ src, widgetKey, locale, continueToken }: WidgetEmbedProps) {
  useEffect(() => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.dataset.key = widgetKey;
    script.dataset.locale = locale;
    if (continueToken) script.dataset.continue = continueToken;
    document.body.appendChild(script);
    return () => {
      script.remove();
      window.SwitchboardWebchat?.destroy(widgetKey);
    };
  }, [src, widgetKey, locale, continueToken]);
  return null;
}
