// The duration widget: a number and a unit, stored as "30s", "10m", "2h", "1d".

export const DURATION_UNITS = ['s', 'm', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface DurationParts {
  amount: string;
  unit: DurationUnit;
}

/**
 * Splits a simple duration for editing; `undefined` for anything else (a combination like
 * "1h30m", or a typo), which the widget then shows as plain text so nothing is lost.
 *
 * @example durationParts('10m') // { amount: '10', unit: 'm' }
 */
export function durationParts(value: unknown): DurationParts | undefined {
  if (value === undefined || value === '') return { amount: '', unit: 's' };
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value.trim());
  const unit = DURATION_UNITS.find((candidate) => candidate === match?.[2]);
  if (!match || !unit) return undefined;
  return { amount: match[1] ?? '', unit };
}

/** Back to the stored string; an empty amount clears the (optional) field. */
export function formatDurationParts(parts: DurationParts): string | undefined {
  const amount = parts.amount.trim();
  return amount === '' ? undefined : `${amount}${parts.unit}`;
}
