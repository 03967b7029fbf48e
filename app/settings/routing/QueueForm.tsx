'use client';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { t, type Locale, type MessageKey } from '@/app/i18n/messages';
import { apiError } from '@/app/lib/apiError';
import type { RouterOutputs } from '@/app/lib/apiTypes';
import { useTRPC } from '@/app/lib/trpc';
import { formatSkills, formatWeekly, parseHolidays, parseSkills, parseWeekly } from './routingText';
import { problemKey } from '../problemKey';
import styles from './routing.module.css';

type Queue = RouterOutputs['routing']['queues']['list'][number];

interface QueueFormProps {
  locale: Locale;
  /** The queue edited; null adds one. */
  queue: Queue | null;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}

/** Adds or edits one queue's rules; text fields are read before anything is sent. */
export function QueueForm({ locale, queue, onSaved, onCancel }: QueueFormProps) {
  const trpc = useTRPC();
  const [fields, setFields] = useState(() => initialFields(queue));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation(trpc.routing.queues.upsert.mutationOptions({ onSuccess: onSaved }));
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const skills = parseSkills(fields.skills);
    const weekly = parseWeekly(fields.weekly);
    const holidays = parseHolidays(fields.holidays);
    const unreadable = [skills, weekly, holidays].find((parsed) => !parsed.ok);
    if (unreadable && !unreadable.ok) return setProblem(t(locale, 'routingUnreadable', { part: unreadable.part }));
    if (!skills.ok || !weekly.ok || !holidays.ok) return;
    setProblem(null);
    save.mutate({
      id: fields.id.trim(),
      name: fields.name.trim() || fields.id.trim(),
      requiredSkills: skills.value.map((s) => ({ skill: s.skill, minLevel: s.level })),
      priority: Number(fields.priority) || 0,
      hours: weekly.value.length > 0 ? { timezone: fields.timezone.trim(), weekly: weekly.value, holidays: holidays.value } : null,
      whenClosed: fields.whenClosed === 'overflow' ? 'overflow' : 'stay',
      maxWaitSeconds: fields.maxWait.trim() === '' ? null : Number(fields.maxWait),
      overflowQueue: fields.overflow.trim() === '' ? null : fields.overflow.trim(),
    });
  }

  const saveError = save.error ? saveProblem(locale, save.error) : null;
  const title = queue ? t(locale, 'routingQueueFormEdit', { queue: queue.id }) : t(locale, 'routingQueueFormAdd');
  return (
    <form className={styles.queueForm} onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <div className={styles.grid}>
        <Text label="routingFieldId" value={fields.id} onChange={set('id')} locale={locale} readOnly={queue !== null} required />
        <Text label="routingFieldName" value={fields.name} onChange={set('name')} locale={locale} />
        <Text label="routingFieldSkills" hint="routingFieldSkillsHint" value={fields.skills} onChange={set('skills')} locale={locale} />
        <Text label="routingFieldPriority" value={fields.priority} onChange={set('priority')} locale={locale} type="number" />
        <Text label="routingFieldWeekly" hint="routingFieldWeeklyHint" value={fields.weekly} onChange={set('weekly')} locale={locale} />
        <Text label="routingFieldTimezone" value={fields.timezone} onChange={set('timezone')} locale={locale} />
        <Text label="routingFieldHolidays" hint="routingFieldHolidaysHint" value={fields.holidays} onChange={set('holidays')} locale={locale} />
        <Text label="routingFieldMaxWait" value={fields.maxWait} onChange={set('maxWait')} locale={locale} type="number" />
        <Text label="routingFieldOverflow" value={fields.overflow} onChange={set('overflow')} locale={locale} />
        <div className="field">
          <label htmlFor="queue-when-closed">{t(locale, 'routingFieldWhenClosed')}</label>
          <select id="queue-when-closed" className="select" value={fields.whenClosed} onChange={set('whenClosed')}>
            <option value="stay">{t(locale, 'routingWhenClosedStay')}</option>
            <option value="overflow">{t(locale, 'routingWhenClosedOverflow')}</option>
          </select>
        </div>
      </div>
      {(problem ?? saveError) && (
        <p className="form-error" role="alert">
          {problem ?? saveError}
        </p>
      )}
      <div className="cell-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t(locale, save.isPending ? 'routingSaving' : 'routingSave')}
        </button>
        {queue && (
          <button type="button" className="button" onClick={onCancel}>
            {t(locale, 'routingCancel')}
          </button>
        )}
      </div>
    </form>
  );
}

interface TextProps {
  label: MessageKey;
  hint?: MessageKey;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  locale: Locale;
  type?: 'text' | 'number';
  readOnly?: boolean;
  required?: boolean;
}

function Text({ label, hint, value, onChange, locale, type = 'text', readOnly, required }: TextProps) {
  const id = `queue-${label}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(locale, label)}</label>
      <input id={id} type={type} value={value} onChange={onChange} readOnly={readOnly} required={required} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {t(locale, hint)}
        </p>
      )}
    </div>
  );
}

function initialFields(queue: Queue | null) {
  return {
    id: queue?.id ?? '',
    name: queue?.name ?? '',
    skills: queue ? formatSkills(queue.requiredSkills.map((s) => ({ skill: s.skill, level: s.minLevel }))) : '',
    priority: String(queue?.priority ?? 0),
    weekly: queue?.hours ? formatWeekly(queue.hours.weekly) : '',
    timezone: queue?.hours?.timezone ?? 'Asia/Bangkok',
    holidays: queue?.hours?.holidays?.join(', ') ?? '',
    whenClosed: queue?.whenClosed ?? 'stay',
    maxWait: queue?.maxWaitSeconds === null || queue?.maxWaitSeconds === undefined ? '' : String(queue.maxWaitSeconds),
    overflow: queue?.overflowQueue ?? '',
  };
}

/** Bad input names the field and what is wrong with it (e.g. hours.timezone: not an IANA time zone). */
function saveProblem(locale: Locale, error: unknown): string {
  const parsed = apiError(error);
  const issue = parsed.issues[0];
  if (issue) return `${issue.path}: ${issue.message}`;
  return t(locale, problemKey(parsed.code));
}
