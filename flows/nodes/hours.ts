import { z } from 'zod';
import { when } from '../compile/config';
import { defineGuard } from '../compile/implementation';
import { WEEKDAYS, isOpen, parseClock, type HoursSpec, type Weekday } from '../lang/hours';
import { defineNode, fixedHandles } from './define';

const Clock = z.string().refine((text) => parseClock(text) !== undefined, 'use HH:MM, 00:00 to 24:00');

// "Mon", "monday" and "mon" all mean mon: the format says mon…sun, people write all three.
const Weekday = z.preprocess((day) => (typeof day === 'string' ? day.trim().toLowerCase().slice(0, 3) : day), z.enum(WEEKDAYS));

const HoursProps = z.object({
  timezone: z.string().min(1).meta({ widget: 'timezone', placeholder: 'Asia/Bangkok' }),
  weekly: z
    .array(z.object({ day: Weekday, open: Clock, close: Clock }))
    .meta({ widget: 'weekly' }),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD'))
    .optional()
    .meta({ widget: 'dates' }),
});

const THAI_DAYS: Record<Weekday, string> = { mon: 'จ.', tue: 'อ.', wed: 'พ.', thu: 'พฤ.', fri: 'ศ.', sat: 'ส.', sun: 'อา.' };

export const hoursNode = defineNode({
  type: 'hours',
  category: 'logic',
  icon: 'clock',
  props: HoursProps,
  defaults: {
    timezone: 'Asia/Bangkok',
    weekly: WEEKDAYS.slice(0, 5).map((day) => ({ day, open: '09:00', close: '18:00' })),
  },
  handles: () => fixedHandles('open', 'closed'),
  summary: (data, locale) => {
    const days = [...new Set(data.weekly.map((range) => range.day))].map((day) => (locale === 'th' ? THAI_DAYS[day] : day));
    return `${data.timezone} · ${days.join(' ')}`;
  },
  waits: false,
  compile: (data, ctx) => ({
    always: [
      {
        guard: when('hours.open', { timezone: data.timezone, weekly: data.weekly, holidays: data.holidays ?? [] } satisfies HoursSpec),
        ...ctx.go('open'),
      },
      ctx.go('closed'),
    ],
  }),
  guards: {
    'hours.open': defineGuard<HoursSpec>(({ context }, p) => isOpen(new Date(context.now), p)),
  },
  texts: {
    en: {
      label: 'Business hours',
      help: 'Checks the opening hours in a time zone, with holidays: leaves by Open or Closed.',
      fields: {
        timezone: { label: 'Time zone', help: 'An IANA time zone, e.g. Asia/Bangkok.' },
        weekly: { label: 'Weekly hours', help: 'Open and close times per day; a close before the open runs past midnight.' },
        'weekly.day': { label: 'Day' },
        'weekly.open': { label: 'Opens' },
        'weekly.close': { label: 'Closes' },
        holidays: { label: 'Holidays', help: 'Dates (YYYY-MM-DD) that count as closed.' },
      },
      handles: { open: 'Open', closed: 'Closed' },
    },
    th: {
      label: 'เวลาทำการ',
      help: 'ตรวจเวลาทำการตามเขตเวลา รวมวันหยุด แล้วไปทาง เปิด หรือ ปิด',
      fields: {
        timezone: { label: 'เขตเวลา', help: 'เขตเวลา IANA เช่น Asia/Bangkok' },
        weekly: { label: 'เวลาทำการรายสัปดาห์', help: 'เวลาเปิดและปิดแต่ละวัน หากเวลาปิดก่อนเวลาเปิดหมายถึงข้ามเที่ยงคืน' },
        'weekly.day': { label: 'วัน' },
        'weekly.open': { label: 'เปิด' },
        'weekly.close': { label: 'ปิด' },
        holidays: { label: 'วันหยุด', help: 'วันที่ (YYYY-MM-DD) ที่ถือว่าปิดทำการ' },
      },
      handles: { open: 'เปิด', closed: 'ปิด' },
    },
  },
});
