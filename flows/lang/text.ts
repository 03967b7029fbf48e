import { CHANNELS, type Channel, type Text } from '../schema/common';

const CHANNEL_KEYS: ReadonlySet<string> = new Set<string>([...CHANNELS, 'default']);

export interface TextChoice {
  channel: Channel;
  /** Locales in order of preference: the contact's, then the flow's. */
  locales: readonly (string | undefined)[];
}

/**
 * Picks the template for a channel and locale out of a `Text` value. A map whose keys are all
 * channel names (or `default`) is a channel map; any other map is a locale map. Maps may nest
 * one level in either order.
 *
 * @example resolveText({ default: 'Hi', voice: 'Hello' }, { channel: 'voice', locales: [] }) // 'Hello'
 */
export function resolveText(text: Text | undefined, choice: TextChoice): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  const keys = Object.keys(text);
  if (keys.length === 0) return undefined;
  const picked = isChannelMap(keys) ? pickChannel(text, choice.channel) : pickLocale(text, choice.locales);
  if (picked === undefined || typeof picked === 'string') return picked;
  return resolveText(picked, choice);
}

/** Every template string inside a `Text`, with the key path that leads to it. */
export function textLeaves(text: Text | undefined): { key: string[]; template: string }[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [{ key: [], template: text }];
  return Object.entries(text).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [{ key: [key], template: value }]
      : Object.entries(value).map(([inner, template]) => ({ key: [key, inner], template })),
  );
}

/** A channel map is one keyed only by channel names and `default`. */
export function isChannelMap(keys: readonly string[]): boolean {
  return keys.every((key) => CHANNEL_KEYS.has(key));
}

function pickChannel<T>(map: Record<string, T>, channel: Channel): T | undefined {
  return map[channel] ?? map.default;
}

function pickLocale<T>(map: Record<string, T>, locales: readonly (string | undefined)[]): T | undefined {
  const keys = Object.keys(map);
  for (const locale of locales) {
    if (!locale) continue;
    const exact = keys.find((key) => key.toLowerCase() === locale.toLowerCase());
    if (exact) return map[exact];
    const language = locale.split('-')[0]!.toLowerCase();
    const sameLanguage = keys.find((key) => key.split('-')[0]!.toLowerCase() === language);
    if (sameLanguage) return map[sameLanguage];
  }
  // A map that mixes locales with `default` falls back to it; otherwise to its first entry.
  return map.default ?? map[keys[0]!];
}
