import { messages, type Locale } from '@/app/i18n/messages';

/**
 * The widget's texts for a locale: the catalog's `widget…` keys, so public/widget.js shows the
 * same reviewed English and Thai as the rest of the UI rather than copies of its own.
 *
 * @example widgetStrings('th').widgetSend // → 'ส่ง'
 */
export function widgetStrings(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(messages[locale]).filter(([key]) => key.startsWith('widget')));
}
