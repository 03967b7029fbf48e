import { describe, expect, it } from 'vitest';
import { formatSkills, formatWeekly, parseHolidays, parseSkills, parseWeekly } from './routingText';

describe('routing text fields', () => {
  it('reads skills with levels (1 when left out) and writes them back', () => {
    const parsed = parseSkills('thai:3, cards,  fraud : 5');
    expect(parsed).toEqual({ ok: true, value: [{ skill: 'thai', level: 3 }, { skill: 'cards', level: 1 }, { skill: 'fraud', level: 5 }] });
    if (parsed.ok) expect(formatSkills(parsed.value)).toBe('thai:3, cards, fraud:5');
    expect(parseSkills('')).toEqual({ ok: true, value: [] });
  });

  it('names the unreadable part: a level out of 1–5, a repeated skill, stray words', () => {
    expect(parseSkills('thai:9')).toEqual({ ok: false, part: 'thai:9' });
    expect(parseSkills('thai, thai:2')).toEqual({ ok: false, part: 'thai:2' });
    expect(parseSkills('speaks thai')).toEqual({ ok: false, part: 'speaks thai' });
  });

  it('reads weekly hours with day spans and writes spans back', () => {
    const parsed = parseWeekly('mon-wed 09:00-18:00, sat 10:00-14:00');
    expect(parsed.ok && parsed.value).toEqual([
      { day: 'mon', open: '09:00', close: '18:00' },
      { day: 'tue', open: '09:00', close: '18:00' },
      { day: 'wed', open: '09:00', close: '18:00' },
      { day: 'sat', open: '10:00', close: '14:00' },
    ]);
    if (parsed.ok) expect(formatWeekly(parsed.value)).toBe('mon-wed 09:00-18:00, sat 10:00-14:00');
    expect(parseWeekly('fri-mon 09:00-10:00')).toEqual({ ok: false, part: 'fri-mon 09:00-10:00' });
    expect(parseWeekly('mon 9-5')).toEqual({ ok: false, part: 'mon 9-5' });
  });

  it('reads holiday dates', () => {
    expect(parseHolidays('2026-04-13; 2026-04-14')).toEqual({ ok: true, value: ['2026-04-13', '2026-04-14'] });
    expect(parseHolidays('13/04/2026')).toEqual({ ok: false, part: '13/04/2026' });
  });
});
