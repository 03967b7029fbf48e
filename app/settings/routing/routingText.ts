// The admin page edits skills and opening hours as short text ("thai:3, cards",
// "mon-fri 09:00-18:00, sat 10:00-14:00"); these read and write that text. The API checks the
// values again (zod), so these only need to say which part of the text is unreadable.

export type Parsed<T> = { ok: true; value: T } | { ok: false; part: string };

export interface SkillLevel {
  skill: string;
  level: number;
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export interface WeeklyRange {
  day: Day;
  open: string;
  close: string;
}

/**
 * "thai:3, cards" → [{ skill: 'thai', level: 3 }, { skill: 'cards', level: 1 }]; a skill without
 * a level is level 1.
 */
export function parseSkills(text: string): Parsed<SkillLevel[]> {
  const skills: SkillLevel[] = [];
  for (const part of splitList(text)) {
    const match = /^([\p{L}\p{N}_.-]+)(?:\s*:\s*([1-5]))?$/u.exec(part);
    if (!match?.[1] || skills.some((s) => s.skill === match[1])) return { ok: false, part };
    skills.push({ skill: match[1], level: match[2] ? Number(match[2]) : 1 });
  }
  return { ok: true, value: skills };
}

export function formatSkills(skills: readonly SkillLevel[]): string {
  return skills.map((s) => (s.level === 1 ? s.skill : `${s.skill}:${s.level}`)).join(', ');
}

/** "mon-fri 09:00-18:00, sun 22:00-02:00" → one range per day; a day span is inclusive. */
export function parseWeekly(text: string): Parsed<WeeklyRange[]> {
  const ranges: WeeklyRange[] = [];
  for (const part of splitList(text)) {
    const match = /^(mon|tue|wed|thu|fri|sat|sun)(?:\s*-\s*(mon|tue|wed|thu|fri|sat|sun))?\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/i.exec(part);
    if (!match) return { ok: false, part };
    const [, from = '', to, open = '', close = ''] = match;
    const first = DAYS.indexOf(dayOf(from));
    const last = to ? DAYS.indexOf(dayOf(to)) : first;
    if (last < first || !isClock(open) || !isClock(close)) return { ok: false, part };
    for (const day of DAYS.slice(first, last + 1)) ranges.push({ day, open, close });
  }
  return { ok: true, value: ranges };
}

/** Consecutive days with the same hours are written as a span again. */
export function formatWeekly(ranges: readonly WeeklyRange[]): string {
  const parts: string[] = [];
  let index = 0;
  while (index < ranges.length) {
    const start = ranges[index];
    if (!start) break;
    let end = index;
    while (sameHoursNextDay(ranges[end], ranges[end + 1])) end++;
    const last = ranges[end] ?? start;
    parts.push(`${start.day}${end > index ? `-${last.day}` : ''} ${start.open}-${start.close}`);
    index = end + 1;
  }
  return parts.join(', ');
}

/** "2026-04-13, 2026-04-14" → the dates. */
export function parseHolidays(text: string): Parsed<string[]> {
  const dates: string[] = [];
  for (const part of splitList(text)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(part) || Number.isNaN(Date.parse(`${part}T00:00:00Z`))) return { ok: false, part };
    dates.push(part);
  }
  return { ok: true, value: dates };
}

function sameHoursNextDay(a: WeeklyRange | undefined, b: WeeklyRange | undefined): boolean {
  return !!a && !!b && DAYS.indexOf(b.day) === DAYS.indexOf(a.day) + 1 && a.open === b.open && a.close === b.close;
}

function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function dayOf(text: string): Day {
  return DAYS.find((day) => day === text.toLowerCase()) ?? 'mon';
}

function isClock(text: string): boolean {
  return /^([01]\d|2[0-4]):[0-5]\d$/.test(text);
}
