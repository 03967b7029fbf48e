const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;

/**
 * Parses a duration like `"30s"`, `"10m"`, `"2h"`, `"1d"` (or a combination, `"1h30m"`) into
 * milliseconds. Returns `undefined` for anything else, so callers decide how to report it.
 *
 * @example parseDuration('10m') // 600000
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return Math.round(total);
}

const known = new Map<string, number>();

/** Like `parseDuration` but throws; for values the validator has already checked. Cached. */
export function durationMs(text: string): number {
  let ms = known.get(text);
  if (ms === undefined) {
    ms = parseDuration(text);
    if (ms === undefined) throw new Error(`invalid duration "${text}" (use 30s, 10m, 2h or 1d)`);
    if (known.size < 1_000) known.set(text, ms);
  }
  return ms;
}

/** Formats milliseconds back into the shortest exact duration string. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
