'use client';
// Single-control widgets: one input or select, labelled by the field row's <label for>.
import { useState } from 'react';
import { CHANNELS } from '@/flows';
import { isMessageKey, t, type Locale, type MessageKey } from '@/app/i18n/messages';
import type { FieldModel } from '../model/formModel';
import type { WidgetProps } from '../fieldContext';
import styles from '../properties.module.css';

type InputKind = 'text' | 'url';

/** A single-line string; an empty optional field is removed rather than stored as "". */
export function TextInput({ keys, value, id, describedBy, invalid, ctx, field, kind = 'text', list, mono }: WidgetProps & { field: FieldModel; kind?: InputKind; list?: string; mono?: boolean }) {
  return (
    <input
      id={id}
      className={mono ? `${styles.input} ${styles.mono}` : styles.input}
      type={kind}
      value={typeof value === 'string' ? value : value === undefined ? '' : String(value)}
      placeholder={field.placeholder ?? defaultText(field)}
      list={list}
      disabled={ctx.readOnly}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      spellCheck={mono ? false : undefined}
      onChange={(event) => ctx.change(keys, event.target.value === '' && !field.required ? undefined : event.target.value)}
    />
  );
}

/** A number; what does not read as a number yet ("1.", "-") stays in the box without being stored. */
export function NumberInput({ keys, value, id, describedBy, invalid, ctx, field }: WidgetProps & { field: FieldModel }) {
  const stored = typeof value === 'number' ? String(value) : '';
  const [draft, setDraft] = useState(stored);
  const [shown, setShown] = useState(stored);
  // The stored value changed from outside (undo, another edit): show it.
  if (stored !== shown) {
    setShown(stored);
    setDraft(stored);
  }
  const parsed = draft.trim() === '' ? undefined : Number(draft);
  const unreadable = parsed !== undefined && Number.isNaN(parsed);
  return (
    <input
      id={id}
      className={`${styles.input} ${styles.number}`}
      type="number"
      inputMode="decimal"
      value={draft}
      min={field.min}
      max={field.max}
      step={field.integer ? 1 : 'any'}
      placeholder={field.placeholder ?? defaultText(field)}
      disabled={ctx.readOnly}
      aria-invalid={invalid || unreadable || undefined}
      aria-describedby={describedBy}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        const next = text.trim() === '' ? undefined : Number(text);
        if (next === undefined || !Number.isNaN(next)) {
          setShown(next === undefined ? '' : String(next));
          ctx.change(keys, next);
        }
      }}
    />
  );
}

export function BooleanInput({ keys, value, id, describedBy, invalid, ctx }: WidgetProps) {
  return (
    <input
      id={id}
      className={styles.checkbox}
      type="checkbox"
      checked={value === true}
      disabled={ctx.readOnly}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => ctx.change(keys, event.target.checked)}
    />
  );
}

/** An enum; optional ones can be set back to "not set". `labelOf` names the choices. */
export function SelectInput({ keys, value, id, describedBy, invalid, ctx, field, choices, labelOf }: WidgetProps & { field: FieldModel; choices: readonly string[]; labelOf?: (choice: string) => string }) {
  // Left out, the node uses the schema's default: show that rather than "not set".
  const fallback = typeof field.defaultValue === 'string' ? field.defaultValue : '';
  const current = typeof value === 'string' ? value : fallback;
  const known = choices.includes(current);
  return (
    <select
      id={id}
      className={styles.select}
      value={current}
      disabled={ctx.readOnly}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => ctx.change(keys, event.target.value === '' ? undefined : event.target.value)}
    >
      {((!field.required && fallback === '') || current === '') && <option value="">{t(ctx.locale, 'propsNotSet')}</option>}
      {!known && current !== '' && <option value={current}>{current}</option>}
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labelOf ? labelOf(choice) : choiceLabel(ctx.locale, choice)}
        </option>
      ))}
    </select>
  );
}

/** Enum values of the catalog's schemas with a name in the catalog; others (GET, POST) show as they are. */
export function choiceLabel(locale: Locale, choice: string): string {
  const key = `propsChoice_${choice}`;
  return isMessageKey(key) ? t(locale, key) : choice;
}

const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], MessageKey> = {
  webchat: 'propsChannelWebchat',
  voice: 'propsChannelVoice',
  sms: 'propsChannelSms',
  line: 'propsChannelLine',
  email: 'propsChannelEmail',
  api: 'propsChannelApi',
};

/** The localized name of a channel (unknown names are shown as written). */
export function channelLabel(locale: WidgetProps['ctx']['locale'], channel: string): string {
  const key = CHANNELS.find((known) => known === channel);
  return key ? t(locale, CHANNEL_LABELS[key]) : channel;
}

export function ChannelSelect(props: WidgetProps & { field: FieldModel }) {
  return <SelectInput {...props} choices={CHANNELS} labelOf={(channel) => channelLabel(props.ctx.locale, channel)} />;
}

/** Channels as checkboxes; none ticked removes the field (the node's default: every channel). */
export function ChannelsInput({ keys, value, id, ctx }: WidgetProps) {
  const ticked = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const toggle = (channel: string, on: boolean) => {
    const next = CHANNELS.filter((known) => (known === channel ? on : ticked.includes(known)));
    ctx.change(keys, next.length === 0 ? undefined : next);
  };
  return (
    <div className={styles.checks} id={id} role="group" aria-labelledby={`${id}-label`}>
      {CHANNELS.map((channel) => (
        <span key={channel} className={styles.check}>
          <input
            id={`${id}-${channel}`}
            type="checkbox"
            checked={ticked.includes(channel)}
            disabled={ctx.readOnly}
            onChange={(event) => toggle(channel, event.target.checked)}
          />
          <label htmlFor={`${id}-${channel}`}>{channelLabel(ctx.locale, channel)}</label>
        </span>
      ))}
      <p className={styles.hint}>{t(ctx.locale, 'propsAllChannels')}</p>
    </div>
  );
}

/** A variable name: pick a declared one from the list, or type a new name. */
export function VariableInput(props: WidgetProps & { field: FieldModel }) {
  const listId = `${props.id}-names`;
  return (
    <>
      <TextInput {...props} list={listId} mono />
      <datalist id={listId}>
        {props.ctx.variableNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

/** A JSONata expression or a pattern: monospace, and as many lines as it needs. */
export function CodeInput({ keys, value, id, describedBy, invalid, ctx, field }: WidgetProps & { field: FieldModel }) {
  const text = typeof value === 'string' ? value : '';
  return (
    <textarea
      id={id}
      className={`${styles.input} ${styles.textarea} ${styles.mono}`}
      value={text}
      rows={Math.min(6, Math.max(1, Math.ceil(text.length / 38), text.split('\n').length))}
      placeholder={field.placeholder}
      spellCheck={false}
      disabled={ctx.readOnly}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => ctx.change(keys, event.target.value === '' && !field.required ? undefined : event.target.value)}
    />
  );
}

/** A path into the template scope (`vars.age`, `contact.name`): the scope's names are offered. */
export function PathInput(props: WidgetProps & { field: FieldModel }) {
  const listId = `${props.id}-paths`;
  return (
    <>
      <TextInput {...props} list={listId} mono />
      <datalist id={listId}>
        {props.ctx.templateNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

let zones: readonly string[] | undefined;

/** IANA zones the runtime knows; computed once. */
function timeZones(): readonly string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return zones;
}

/** A time zone: type to filter the IANA list (any typed value is kept and checked by the validator). */
export function TimezoneInput(props: WidgetProps & { field: FieldModel }) {
  const listId = `${props.id}-zones`;
  return (
    <>
      <TextInput {...props} list={listId} />
      <datalist id={listId}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}

/** A field's default as placeholder text, so an empty box says what the node will use. */
function defaultText(field: FieldModel): string | undefined {
  const fallback = field.defaultValue;
  return typeof fallback === 'string' || typeof fallback === 'number' ? String(fallback) : undefined;
}
