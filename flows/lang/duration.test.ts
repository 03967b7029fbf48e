import { describe, expect, it } from 'vitest';
import { durationMs, formatDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    [' 0s ', 0],
  ])('%j is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '10', 's', '10 m', '1w', '-5s', '10sec', '1h 30m', 'PT10M'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('durationMs', () => {
  it('parses or throws with the value in the message', () => {
    expect(durationMs('1m')).toBe(60_000);
    expect(() => durationMs('soon')).toThrow(/"soon"/);
  });
});

describe('formatDuration', () => {
  it('gives the shortest exact unit, and round-trips', () => {
    expect(formatDuration(86_400_000)).toBe('1d');
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatDuration(90_000)).toBe('90s');
    expect(formatDuration(1_500)).toBe('1500ms');
    for (const text of ['30s', '10m', '2h', '1d', '90s']) expect(formatDuration(durationMs(text))).toBe(text);
  });
});
