'use client';
// Business hours: rows of day, opening and closing time.
import { t, type MessageKey } from '@/app/i18n/messages';
import { asList, isRecord, removeItem } from '../model/values';
import type { WidgetProps } from '../fieldContext';
import styles from '../properties.module.css';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DAY_LABELS: Record<(typeof DAYS)[number], MessageKey> = {
  mon: 'propsDayMon',
  tue: 'propsDayTue',
  wed: 'propsDayWed',
  thu: 'propsDayThu',
  fri: 'propsDayFri',
  sat: 'propsDaySat',
  sun: 'propsDaySun',
};

export function WeeklyField({ keys, value, id, describedBy, invalid, ctx }: WidgetProps) {
  const rows = asList(value).map((row) => (isRecord(row) ? row : {}));
  const save = (next: unknown[]) => ctx.change(keys, next);
  const setRow = (index: number, key: string, text: string) => save(rows.map((row, at) => (at === index ? { ...row, [key]: text } : row)));
  const text = (row: Record<string, unknown>, key: string) => (typeof row[key] === 'string' ? row[key] : '');
  return (
    <div className={styles.weekly} id={id} role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      {rows.map((row, index) => {
        const n = index + 1;
        const day = text(row, 'day').toLowerCase().slice(0, 3);
        return (
          <div key={index} className={styles.weeklyRow}>
            <select className={styles.select} value={day} disabled={ctx.readOnly} aria-invalid={invalid || undefined} aria-label={t(ctx.locale, 'propsDay', { n })} onChange={(event) => setRow(index, 'day', event.target.value)}>
              {!DAYS.some((known) => known === day) && <option value={day}>{day}</option>}
              {DAYS.map((known) => (
                <option key={known} value={known}>
                  {t(ctx.locale, DAY_LABELS[known])}
                </option>
              ))}
            </select>
            <input className={`${styles.input} ${styles.mono}`} placeholder="HH:MM" inputMode="numeric" value={text(row, 'open')} disabled={ctx.readOnly} aria-label={t(ctx.locale, 'propsOpens', { n })} onChange={(event) => setRow(index, 'open', event.target.value)} />
            <span aria-hidden="true">–</span>
            <input className={`${styles.input} ${styles.mono}`} placeholder="HH:MM" inputMode="numeric" value={text(row, 'close')} disabled={ctx.readOnly} aria-label={t(ctx.locale, 'propsCloses', { n })} onChange={(event) => setRow(index, 'close', event.target.value)} />
            {!ctx.readOnly && (
              <button type="button" className={styles.iconButton} aria-label={t(ctx.locale, 'propsRemoveHours', { n })} onClick={() => save(removeItem(rows, index))}>
                ×
              </button>
            )}
          </div>
        );
      })}
      {!ctx.readOnly && (
        <button type="button" className={styles.addButton} onClick={() => save([...rows, nextRow(rows)])}>
          + {t(ctx.locale, 'propsAddHours')}
        </button>
      )}
    </div>
  );
}

// The day after the last row's, with the same hours: adding a week day by day is quick.
function nextRow(rows: Record<string, unknown>[]): Record<string, string> {
  const last = rows.at(-1);
  const lastDay = DAYS.findIndex((day) => day === last?.day);
  const open = typeof last?.open === 'string' ? last.open : '09:00';
  const close = typeof last?.close === 'string' ? last.close : '18:00';
  return { day: DAYS[(lastDay + 1) % DAYS.length] ?? 'mon', open, close };
}
