'use client';
// One field of the property panel: its label, the widget its metadata names, its help and the
// problems found at or inside it. Lists render their items' fields through this same row.
import type { ReactNode } from 'react';
import { t } from '@/app/i18n/messages';
import { formatPath } from '@/flows/validate/diagnostics';
import type { FieldModel } from './model/formModel';
import { problemsWithin } from './model/errors';
import type { Keys } from './model/values';
import { fieldId, type FieldContext, type WidgetProps } from './fieldContext';
import { ProblemList } from './ProblemList';
import { DurationField } from './widgets/DurationField';
import { FlowPicker } from './widgets/FlowPicker';
import { JsonField } from './widgets/JsonField';
import { KeyValueField } from './widgets/KeyValueField';
import { LiquidField } from './widgets/LiquidField';
import { ListField } from './widgets/ListField';
import { RulesField } from './widgets/RulesField';
import { BooleanInput, ChannelSelect, CodeInput, ChannelsInput, NumberInput, PathInput, SelectInput, TextInput, TimezoneInput, VariableInput } from './widgets/SimpleInputs';
import { TagsField } from './widgets/TagsField';
import { WeeklyField } from './widgets/WeeklyField';
import styles from './properties.module.css';

interface FieldRowProps {
  field: FieldModel;
  keys: Keys;
  value: unknown;
  ctx: FieldContext;
}

export function FieldRow({ field, keys, value, ctx }: FieldRowProps) {
  const id = fieldId(ctx, keys);
  // A list shows its items' problems inside each item; the row only shows the list's own.
  const problems = field.widget === 'list' ? problemsWithin(ctx.problems, keys).filter((problem) => problem.keys.length === keys.length) : problemsWithin(ctx.problems, keys);
  const helpId = field.help ? `${id}-help` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const describedBy = [helpId, problemsId].filter(Boolean).join(' ') || undefined;
  const props: WidgetProps = { keys, value, id, label: field.label, describedBy, invalid: problems.some((problem) => problem.severity === 'error'), ctx };
  const stacked = STACKED.has(field.widget);
  return (
    <div className={stacked ? styles.rowStacked : styles.row} data-field-path={formatPath(keys)}>
      <span className={styles.labelCell}>
        {GROUPS.has(field.widget) ? (
          // A group of controls is named by aria-labelledby; <label for> only names one control.
          <span className={styles.label} id={`${id}-label`}>
            {field.label}
          </span>
        ) : (
          <label className={styles.label} htmlFor={id} id={`${id}-label`}>
            {field.label}
          </label>
        )}
        {/* Outside the label, so the field's accessible name is exactly its label. */}
        {field.required && <span className={styles.required} title={t(ctx.locale, 'propsRequired')} aria-hidden="true">*</span>}
      </span>
      <div className={styles.control}>
        {widget(field, props, (child, childKeys, childValue) => (
          <FieldRow key={child.key} field={child} keys={childKeys} value={childValue} ctx={ctx} />
        ))}
        {field.help && (
          <p className={styles.help} id={helpId}>
            {field.help}
          </p>
        )}
        <ProblemList problems={problems} id={problemsId} />
      </div>
    </div>
  );
}

// Widgets with more than one line of controls take the panel's full width under their label.
const STACKED: ReadonlySet<FieldModel['widget']> = new Set<FieldModel['widget']>(['liquid', 'expression', 'list', 'rules', 'keyvalue', 'json', 'weekly', 'tags', 'dates', 'channels']);

// Widgets whose element with the field's id is a group (role="group", aria-labelledby the label).
const GROUPS: ReadonlySet<FieldModel['widget']> = new Set<FieldModel['widget']>(['list', 'rules', 'keyvalue', 'weekly', 'channels']);

function widget(field: FieldModel, props: WidgetProps, renderField: (field: FieldModel, keys: Keys, value: unknown) => ReactNode): ReactNode {
  switch (field.widget) {
    case 'text':
    case 'id':
      return <TextInput {...props} field={field} mono={field.widget === 'id'} />;
    case 'url':
      return <TextInput {...props} field={field} kind="url" mono />;
    case 'regex':
      return <TextInput {...props} field={field} mono />;
    case 'expression':
      return <CodeInput {...props} field={field} />;
    case 'path':
      return <PathInput {...props} field={field} />;
    case 'liquid':
      return <LiquidField {...props} field={field} />;
    case 'number':
      return <NumberInput {...props} field={field} />;
    case 'boolean':
      return <BooleanInput {...props} />;
    case 'select':
      return <SelectInput {...props} field={field} choices={field.choices ?? []} />;
    case 'duration':
      return <DurationField {...props} field={field} />;
    case 'channel':
      return <ChannelSelect {...props} field={field} />;
    case 'channels':
      return <ChannelsInput {...props} />;
    case 'variable':
      return <VariableInput {...props} field={field} />;
    case 'list':
      return <ListField {...props} field={field} renderField={renderField} />;
    case 'tags':
      return <TagsField {...props} field={field} />;
    case 'dates':
      return <TagsField {...props} field={field} inputType="date" />;
    case 'rules':
      return <RulesField {...props} />;
    case 'keyvalue':
      return <KeyValueField {...props} field={field} />;
    case 'json':
      return <JsonField {...props} />;
    case 'timezone':
      return <TimezoneInput {...props} field={field} />;
    case 'weekly':
      return <WeeklyField {...props} />;
    case 'flow':
      return <FlowPicker {...props} field={field} />;
    default: {
      const unhandled: never = field.widget;
      return unhandled;
    }
  }
}
