import { describe, expect, it } from 'vitest';
import { isChannelMap, resolveText, textLeaves } from './text';

const choice = (channel: 'webchat' | 'voice' | 'sms', ...locales: (string | undefined)[]) => ({ channel, locales });

describe('resolveText', () => {
  it('returns a string as is, and nothing for nothing', () => {
    expect(resolveText('Hi', choice('voice'))).toBe('Hi');
    expect(resolveText(undefined, choice('voice'))).toBeUndefined();
    expect(resolveText({}, choice('voice'))).toBeUndefined();
  });

  it('picks a locale: the contact locale first, then the flow locale, then the first entry', () => {
    const text = { 'th-TH': 'สวัสดี', 'en-US': 'Hello', 'ja-JP': 'こんにちは' };
    expect(resolveText(text, choice('sms', 'en-US', 'th-TH'))).toBe('Hello');
    expect(resolveText(text, choice('sms', undefined, 'ja-JP'))).toBe('こんにちは');
    expect(resolveText(text, choice('sms', 'fr-FR', 'de-DE'))).toBe('สวัสดี');
  });

  it('matches locales case-insensitively, then by language', () => {
    const text = { 'th-TH': 'สวัสดี', 'en-US': 'Hello' };
    expect(resolveText(text, choice('sms', 'EN-us'))).toBe('Hello');
    expect(resolveText(text, choice('sms', 'en'))).toBe('Hello');
    expect(resolveText(text, choice('sms', 'th'))).toBe('สวัสดี');
    expect(resolveText({ th: 'สวัสดี', en: 'Hello' }, choice('sms', 'en-GB'))).toBe('Hello');
  });

  it('picks a channel variant, else default, else nothing', () => {
    const text = { default: 'Tap below', voice: 'Press 1' };
    expect(resolveText(text, choice('voice'))).toBe('Press 1');
    expect(resolveText(text, choice('webchat'))).toBe('Tap below');
    expect(resolveText({ voice: 'Press 1' }, choice('sms'))).toBeUndefined();
  });

  it('resolves a locale map of channel maps, and a channel map of locale maps', () => {
    const byLocale = { 'th-TH': { default: 'แตะ', voice: 'กด 1' }, 'en-US': { default: 'Tap', voice: 'Press 1' } };
    expect(resolveText(byLocale, choice('voice', 'en-US'))).toBe('Press 1');
    expect(resolveText(byLocale, choice('sms', undefined, 'th-TH'))).toBe('แตะ');
    const byChannel = { default: { 'th-TH': 'แตะ', 'en-US': 'Tap' }, voice: { 'th-TH': 'กด 1', 'en-US': 'Press 1' } };
    expect(resolveText(byChannel, choice('voice', 'th-TH'))).toBe('กด 1');
    expect(resolveText(byChannel, choice('webchat', 'en-US'))).toBe('Tap');
  });
});

describe('isChannelMap', () => {
  it('is a channel map only when every key is a channel or default', () => {
    expect(isChannelMap(['default', 'voice', 'line'])).toBe(true);
    expect(isChannelMap(['th-TH', 'en-US'])).toBe(false);
    expect(isChannelMap(['default', 'th-TH'])).toBe(false);
  });
});

describe('textLeaves', () => {
  it('lists every template with its key path', () => {
    expect(textLeaves('Hi')).toEqual([{ key: [], template: 'Hi' }]);
    expect(textLeaves({ 'th-TH': { default: 'a', voice: 'b' }, 'en-US': 'c' })).toEqual([
      { key: ['th-TH', 'default'], template: 'a' },
      { key: ['th-TH', 'voice'], template: 'b' },
      { key: ['en-US'], template: 'c' },
    ]);
    expect(textLeaves(undefined)).toEqual([]);
  });
});

describe('resolveText fallbacks', () => {
  it('falls back to `default` in a map that mixes locales with it', () => {
    expect(resolveText({ 'th-TH': 'สวัสดี', default: 'Hello' }, { channel: 'webchat', locales: ['ja-JP'] })).toBe('Hello');
  });
});
