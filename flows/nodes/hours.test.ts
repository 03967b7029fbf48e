import { describe, expect, it } from 'vitest';
import { bindNode, nodeFlow, simulate } from './testkit';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, open: '09:00', close: '18:00' }));

/** open or closed at this instant. */
function check(now: string, data: Record<string, unknown> = {}): string | null {
  const flow = nodeFlow('hours', { timezone: 'Asia/Bangkok', weekly: WEEKDAYS, ...data });
  return simulate(flow, { now }).state().outcome;
}

describe('hours node', () => {
  it('is open inside the weekly hours in the node time zone', () => {
    // 02:00Z is 09:00 in Bangkok (UTC+7) on Monday 2 March 2026.
    expect(check('2026-03-02T02:00:00Z')).toBe('open');
    expect(check('2026-03-02T17:59:00+07:00')).toBe('open');
  });

  it('is closed before opening, from the closing minute, and on days without hours', () => {
    expect(check('2026-03-02T01:59:00Z')).toBe('closed');
    expect(check('2026-03-02T18:00:00+07:00')).toBe('closed');
    expect(check('2026-03-07T12:00:00+07:00')).toBe('closed'); // Saturday
  });

  it('reads the clock in the node time zone, not UTC', () => {
    // Monday 23:30 UTC is already Tuesday 07:30 in Bangkok but still Monday 18:30 in New York.
    expect(check('2026-03-02T23:30:00Z')).toBe('closed');
    expect(check('2026-03-02T14:30:00Z', { timezone: 'America/New_York' })).toBe('open');
    expect(check('2026-03-02T23:30:00Z', { timezone: 'America/New_York' })).toBe('closed');
  });

  it('follows daylight saving time of the zone', () => {
    const london = { timezone: 'Europe/London' };
    // 08:30Z is 08:30 in London in winter (closed) and 09:30 in summer (open).
    expect(check('2026-03-02T08:30:00Z', london)).toBe('closed');
    expect(check('2026-06-01T08:30:00Z', london)).toBe('open');
  });

  it('is closed on a holiday, judged by the local date', () => {
    const holidays = { holidays: ['2026-03-03'] };
    expect(check('2026-03-03T10:00:00+07:00', holidays)).toBe('closed');
    expect(check('2026-03-02T10:00:00+07:00', holidays)).toBe('open');
    // 02:30Z on the 3rd is 09:30 local on the 3rd: a holiday, though UTC says the 3rd as well.
    expect(check('2026-03-03T02:30:00Z', holidays)).toBe('closed');
    // 20:00Z on the 2nd is already 03:00 on the 3rd in Bangkok: still the holiday.
    expect(check('2026-03-02T20:00:00Z', { ...holidays, weekly: [{ day: 'tue', open: '00:00', close: '24:00' }] })).toBe('closed');
  });

  it('runs an overnight range past midnight into the next day', () => {
    const night = { weekly: [{ day: 'fri', open: '22:00', close: '02:00' }] };
    expect(check('2026-03-06T21:59:00+07:00', night)).toBe('closed');
    expect(check('2026-03-06T23:00:00+07:00', night)).toBe('open'); // Friday night
    expect(check('2026-03-07T01:59:00+07:00', night)).toBe('open'); // early Saturday
    expect(check('2026-03-07T02:00:00+07:00', night)).toBe('closed');
    expect(check('2026-03-08T01:00:00+07:00', night)).toBe('closed'); // early Sunday: Saturday has no range
  });

  it('takes 24:00 as the end of the day', () => {
    expect(check('2026-03-02T23:59:00+07:00', { weekly: [{ day: 'mon', open: '20:00', close: '24:00' }] })).toBe('open');
    expect(check('2026-03-03T00:00:00+07:00', { weekly: [{ day: 'mon', open: '20:00', close: '24:00' }] })).toBe('closed');
  });

  it('allows several ranges in one day (a lunch break)', () => {
    const split = { weekly: [{ day: 'mon', open: '09:00', close: '12:00' }, { day: 'mon', open: '13:00', close: '17:00' }] };
    expect(check('2026-03-02T12:30:00+07:00', split)).toBe('closed');
    expect(check('2026-03-02T13:30:00+07:00', split)).toBe('open');
  });

  it('refuses malformed clock times and holidays when binding', () => {
    const bind = (data: Record<string, unknown>) => () => bindNode('hours', { timezone: 'UTC', weekly: [], ...data });
    expect(bind({ weekly: [{ day: 'mon', open: '9:00', close: '18:00' }] })).toThrow();
    expect(bind({ weekly: [{ day: 'mon', open: '09:00', close: '24:30' }] })).toThrow();
    expect(bind({ holidays: ['03/03/2026'] })).toThrow();
  });

  it('binds: open and closed; the summary shows zone and days (Thai day names in Thai)', () => {
    const node = bindNode('hours', { timezone: 'Asia/Bangkok', weekly: WEEKDAYS });
    expect(node.handles().map((handle) => handle.id)).toEqual(['open', 'closed']);
    expect(node.summary('en')).toBe('Asia/Bangkok · mon tue wed thu fri');
    expect(node.summary('th')).toBe('Asia/Bangkok · จ. อ. พ. พฤ. ศ.');
  });
});
