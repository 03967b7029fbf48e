export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyRange {
  day: Weekday;
  open: string; // HH:MM
  close: string; // HH:MM; "24:00" is the end of the day; earlier than open means past midnight
}

export interface HoursSpec {
  timezone: string;
  weekly: readonly WeeklyRange[];
  holidays?: readonly string[]; // YYYY-MM-DD in the time zone
}

interface LocalTime {
  date: string;
  day: Weekday;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * True when the instant falls inside the weekly opening hours in the given IANA time zone and
 * the local date is not a holiday. A range whose close is earlier than its open runs past
 * midnight into the next day.
 *
 * @example isOpen(new Date('2026-03-02T03:00:00Z'), { timezone: 'Asia/Bangkok', weekly: [{ day: 'mon', open: '09:00', close: '18:00' }] }) // true
 */
export function isOpen(at: Date, spec: HoursSpec): boolean {
  const local = localTime(at, spec.timezone);
  if (spec.holidays?.includes(local.date)) return false;
  const previousDay = WEEKDAYS[(WEEKDAYS.indexOf(local.day) + 6) % 7]!;
  return spec.weekly.some((range) => {
    const open = toMinutes(range.open);
    const close = toMinutes(range.close);
    if (close > open) return range.day === local.day && local.minutes >= open && local.minutes < close;
    // Overnight range: open from `open` until midnight, and on the next day until `close`.
    if (range.day === local.day && local.minutes >= open) return true;
    return range.day === previousDay && local.minutes < close;
  });
}

/** True when the name is a time zone this runtime knows (IANA names and aliases like UTC). */
export function isValidTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of "HH:MM"; `undefined` when malformed. */
export function parseClock(text: string): number | undefined {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

function toMinutes(text: string): number {
  return parseClock(text) ?? 0;
}

function localTime(at: Date, timezone: string): LocalTime {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS.find((day) => day === String(parts.weekday).toLowerCase().slice(0, 3)) ?? 'mon',
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
