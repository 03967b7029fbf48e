import { describe, expect, it } from 'vitest';
import { isOpen, isValidTimeZone, parseClock, type HoursSpec } from './hours';

const office: HoursSpec = {
  timezone: 'Asia/Bangkok',
  weekly: [
    { day: 'mon', open: '09:00', close: '18:00' },
    { day: 'sat', open: '10:00', close: '14:00' },
  ],
  holidays: ['2026-04-13'],
};

const at = (iso: string) => new Date(iso);

describe('isOpen', () => {
  it('is open from the opening minute until just before closing, local time', () => {
    expect(isOpen(at('2026-03-02T08:59:00+07:00'), office)).toBe(false);
    expect(isOpen(at('2026-03-02T09:00:00+07:00'), office)).toBe(true);
    expect(isOpen(at('2026-03-02T17:59:59+07:00'), office)).toBe(true);
    expect(isOpen(at('2026-03-02T18:00:00+07:00'), office)).toBe(false);
  });

  it('only on the days listed', () => {
    expect(isOpen(at('2026-03-03T10:00:00+07:00'), office)).toBe(false); // Tuesday
    expect(isOpen(at('2026-03-07T11:00:00+07:00'), office)).toBe(true); // Saturday
    expect(isOpen(at('2026-03-08T11:00:00+07:00'), office)).toBe(false); // Sunday
  });

  it('judges the day in the time zone: Sunday 20:00 UTC is Monday 03:00 in Bangkok', () => {
    const allMonday: HoursSpec = { timezone: 'Asia/Bangkok', weekly: [{ day: 'mon', open: '00:00', close: '24:00' }] };
    expect(isOpen(at('2026-03-01T20:00:00Z'), allMonday)).toBe(true);
    expect(isOpen(at('2026-03-01T20:00:00Z'), { ...allMonday, timezone: 'UTC' })).toBe(false);
  });

  it('is closed on a holiday (Songkran, a Monday)', () => {
    expect(isOpen(at('2026-04-13T10:00:00+07:00'), office)).toBe(false);
    expect(isOpen(at('2026-04-20T10:00:00+07:00'), office)).toBe(true);
  });

  it('runs a range that closes before it opens past midnight', () => {
    const night: HoursSpec = { timezone: 'Asia/Bangkok', weekly: [{ day: 'sun', open: '20:00', close: '06:00' }] };
    expect(isOpen(at('2026-03-08T19:59:00+07:00'), night)).toBe(false);
    expect(isOpen(at('2026-03-08T23:30:00+07:00'), night)).toBe(true);
    expect(isOpen(at('2026-03-09T05:59:00+07:00'), night)).toBe(true); // Monday morning, from Sunday's range
    expect(isOpen(at('2026-03-09T06:00:00+07:00'), night)).toBe(false);
    expect(isOpen(at('2026-03-02T05:00:00+07:00'), night)).toBe(true); // the week wraps: Monday after Sunday
  });

  it('counts a range from 00:00 to 00:00 as the whole day', () => {
    const allDay: HoursSpec = { timezone: 'UTC', weekly: [{ day: 'mon', open: '00:00', close: '00:00' }] };
    expect(isOpen(at('2026-03-02T23:59:00Z'), allDay)).toBe(true);
    expect(isOpen(at('2026-03-03T00:00:00Z'), allDay)).toBe(false);
  });

  it('is never open without weekly hours', () => {
    expect(isOpen(at('2026-03-02T10:00:00Z'), { timezone: 'UTC', weekly: [] })).toBe(false);
  });
});

describe('parseClock', () => {
  it('reads HH:MM up to 24:00', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each(['9:30', '24:01', '25:00', '12:60', '12', '12:00:00', ''])('refuses %j', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and UTC, not made-up ones', () => {
    expect(isValidTimeZone('Asia/Bangkok')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('GMT+7 Bangkok')).toBe(false);
  });
});
