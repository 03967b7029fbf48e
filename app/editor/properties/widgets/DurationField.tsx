'use client';
// A duration as a number and a unit; a value that is not that simple ("1h30m", a typo) is
// edited as text so nothing the designer wrote is thrown away.
import { t, type MessageKey } from '@/app/i18n/messages';
import { DURATION_UNITS, durationParts, formatDurationParts, type DurationUnit } from '../model/duration';
import type { WidgetProps } from '../fieldContext';
import type { FieldModel } from '../model/formModel';
import { TextInput } from './SimpleInputs';
import styles from '../properties.module.css';

const UNIT_LABELS: Record<DurationUnit, MessageKey> = { s: 'propsUnitS', m: 'propsUnitM', h: 'propsUnitH', d: 'propsUnitD' };

export function DurationField(props: WidgetProps & { field: FieldModel }) {
  const { keys, value, id, label, describedBy, invalid, ctx, field } = props;
  const parts = durationParts(value);
  if (!parts) {
    return (
      <div>
        <TextInput {...props} mono />
        <p className={styles.hint}>{t(ctx.locale, 'propsDurationRaw')}</p>
      </div>
    );
  }
  const save = (amount: string, unit: DurationUnit) => ctx.change(keys, formatDurationParts({ amount, unit }));
  return (
    <div className={styles.inline}>
      <input
        id={id}
        className={`${styles.input} ${styles.number}`}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={parts.amount}
        placeholder={field.placeholder?.replace(/[a-z]+$/, '')}
        disabled={ctx.readOnly}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => save(event.target.value, parts.unit)}
      />
      <select
        className={styles.select}
        value={parts.unit}
        disabled={ctx.readOnly}
        aria-label={t(ctx.locale, 'propsDurationUnit', { field: label })}
        onChange={(event) => save(parts.amount, DURATION_UNITS.find((unit) => unit === event.target.value) ?? 's')}
      >
        {DURATION_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t(ctx.locale, UNIT_LABELS[unit])}
          </option>
        ))}
      </select>
    </div>
  );
}
