// A `Text` as the liquid widget edits it: one template, or tabs by locale (`th-TH`, `en-US`)
// or by channel (`default`, `voice`…). A tab's value may itself be a map one level down.
import { CHANNELS, type Text } from '@/flows';

export type TextValue = Text;

export interface TextTab {
  key: string;
  value: string | Record<string, string>;
}

/** The tabs of a text; none for a plain template. */
export function textTabs(text: unknown): TextTab[] {
  if (typeof text !== 'object' || text === null || Array.isArray(text)) return [];
  return Object.entries(text).flatMap(([key, value]): TextTab[] => {
    if (typeof value === 'string') return [{ key, value }];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const leaves = Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return [{ key, value: leaves }];
    }
    return [];
  });
}

/**
 * Adds a tab. A plain template becomes the first tab, under `firstKey` (the flow's locale, or
 * `default` when the new key is a channel), so nothing typed is lost.
 *
 * @example addVariant('Hello', 'th-TH', 'en-US') // { 'en-US': 'Hello', 'th-TH': '' }
 */
export function addVariant(text: unknown, key: string, firstKey: string): Record<string, string | Record<string, string>> {
  const tabs = textTabs(text);
  const base: Record<string, string | Record<string, string>> = {};
  if (tabs.length === 0) {
    const first = isChannelKey(key) ? 'default' : firstKey;
    if (first !== key) base[first] = typeof text === 'string' ? text : '';
  } else {
    for (const tab of tabs) base[tab.key] = tab.value;
  }
  if (!(key in base)) base[key] = '';
  return base;
}

/** Removes a tab; removing the last one leaves a plain template (empty). */
export function removeVariant(text: unknown, key: string): TextValue {
  const rest = textTabs(text).filter((tab) => tab.key !== key);
  if (rest.length === 0) return '';
  return Object.fromEntries(rest.map((tab) => [tab.key, tab.value]));
}

/** Sets one tab's template (or a nested tab's, with `inner`). */
export function setVariant(text: unknown, key: string, template: string, inner?: string): TextValue {
  const tabs = textTabs(text);
  const next = Object.fromEntries(tabs.map((tab) => [tab.key, tab.value]));
  const current = next[key];
  if (inner !== undefined) next[key] = { ...(typeof current === 'object' ? current : {}), [inner]: template };
  else next[key] = template;
  return next;
}

/**
 * Keys a designer may add next: the flow's locale and common ones first, then channels. A map
 * is by locale or by channel, not both (the runtime reads a mixed map as by locale), so once
 * tabs exist only keys of their kind are offered.
 */
export function variantSuggestions(flowLocale: string, existing: readonly string[]): string[] {
  const all = [flowLocale, 'th-TH', 'en-US', 'default', ...CHANNELS];
  return [...new Set(all)].filter((key) => !existing.includes(key) && isVariantKey(key, existing));
}

/** Whether `key` can be a new tab: a locale (`th-TH`, `en`) or a channel / `default`, of the same kind as the tabs there are. */
export function isVariantKey(key: string, existing: readonly string[] = []): boolean {
  const channel = isChannelKey(key);
  if (!channel && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(key)) return false;
  if (existing.length === 0) return true;
  return existing.every((other) => isChannelKey(other) === channel);
}

function isChannelKey(key: string): boolean {
  return key === 'default' || CHANNELS.some((channel) => channel === key);
}
