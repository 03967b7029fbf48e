// The property panel's form, read from a node type's zod props schema and its field metadata.
// A node type never ships its own form: every field's widget, label, order and section comes
// from here, so a new node type gets a panel by declaring its props.
import { z } from 'zod';
import { fieldMeta, unwrapAll, unwrapOnce, type Widget } from '@/flows/schema/meta';
import type { NodeTexts } from '@/flows';

export interface FieldModel {
  /** The property's key in its object. */
  key: string;
  /** Dotted path without indexes (`options.keys`): how the catalog's texts name the field. */
  textPath: string;
  widget: Widget;
  label: string;
  help?: string;
  placeholder?: string;
  advanced: boolean;
  required: boolean;
  /** The value the node uses when the field is left out (zod's `.default()`). */
  defaultValue?: unknown;
  /** Allowed values of a `select` (an enum). */
  choices?: readonly string[];
  /** Number bounds, when the schema has them. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** A `list` item's fields (the array's element is an object). */
  itemFields?: FieldModel[];
  /** A `tags` item's allowed values, if the element is an enum. */
  itemChoices?: readonly string[];
}

/**
 * The fields of a node type's props, basic ones first by `order` then declaration order, and
 * advanced ones (shown collapsed) after. Labels come from the type's texts in `locale`.
 *
 * @example buildForm(nodeType('menu')!.props, nodeType('menu')!.texts.en).map((f) => f.key)
 */
export function buildForm(schema: z.core.$ZodType, texts: NodeTexts): FieldModel[] {
  return objectFields(schema, texts, '');
}

function objectFields(schema: z.core.$ZodType, texts: NodeTexts, prefix: string): FieldModel[] {
  const object = unwrapObject(schema);
  if (!object) return [];
  const fields = Object.entries(object.shape).map(([key, child], index) => ({
    index,
    field: fieldModel(key, child, texts, prefix),
    order: fieldMeta(child)?.order ?? Number.POSITIVE_INFINITY,
  }));
  fields.sort((a, b) => (a.order === b.order ? a.index - b.index : a.order - b.order));
  return fields.map((entry) => entry.field);
}

function fieldModel(key: string, schema: z.core.$ZodType, texts: NodeTexts, prefix: string): FieldModel {
  const textPath = prefix ? `${prefix}.${key}` : key;
  const meta = fieldMeta(schema);
  const inner = valueSchema(schema);
  const widget = meta?.widget ?? inferWidget(inner);
  const text = texts.fields[textPath];
  const field: FieldModel = {
    key,
    textPath,
    widget,
    label: text?.label ?? humanize(key),
    advanced: meta?.advanced ?? false,
    required: !isOptional(schema),
  };
  if (text?.help) field.help = text.help;
  const fallback = defaultOf(schema);
  if (fallback !== undefined) field.defaultValue = fallback;
  if (meta?.placeholder) field.placeholder = meta.placeholder;
  if (inner instanceof z.ZodEnum) field.choices = inner.options.map(String);
  if (inner instanceof z.ZodNumber) Object.assign(field, numberBounds(inner));
  if (inner instanceof z.ZodArray) {
    const element = valueSchema(inner.element);
    if (widget === 'list') field.itemFields = objectFields(element, texts, textPath);
    if (element instanceof z.ZodEnum) field.itemChoices = element.options.map(String);
  }
  return field;
}

/** The widget a field without metadata gets, from the shape of its value. */
export function inferWidget(schema: z.core.$ZodType): Widget {
  if (schema instanceof z.ZodString) return 'text';
  if (schema instanceof z.ZodNumber) return 'number';
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodEnum) return 'select';
  if (schema instanceof z.ZodArray) return unwrapObject(schema.element) ? 'list' : 'tags';
  if (schema instanceof z.ZodRecord) return 'keyvalue';
  return 'json';
}

/** The schema of the value itself: wrappers stripped, and a pipe (preprocess) read by its output. */
export function valueSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = unwrapAll(schema);
  while (current instanceof z.ZodPipe) current = unwrapAll(current.out);
  return current;
}

function unwrapObject(schema: z.core.$ZodType): z.ZodObject | undefined {
  const inner = valueSchema(schema);
  return inner instanceof z.ZodObject ? inner : undefined;
}

// A field the designer may leave empty: optional, or filled by a default.
function isOptional(schema: z.core.$ZodType): boolean {
  for (let current: z.core.$ZodType | undefined = schema; current; current = unwrapOnce(current)) {
    const kind = current._zod.def.type;
    if (kind === 'optional' || kind === 'default' || kind === 'prefault') return true;
  }
  return false;
}

// The value of the first `.default()` among a field's wrappers.
function defaultOf(schema: z.core.$ZodType): unknown {
  for (let current: z.core.$ZodType | undefined = schema; current; current = unwrapOnce(current)) {
    const def = current._zod.def;
    if (def.type === 'default' && 'defaultValue' in def) return def.defaultValue;
  }
  return undefined;
}

function numberBounds(schema: z.ZodNumber): Pick<FieldModel, 'min' | 'max' | 'integer'> {
  const bounds: Pick<FieldModel, 'min' | 'max' | 'integer'> = {};
  if (Number.isFinite(schema.minValue)) bounds.min = schema.minValue ?? undefined;
  // An int's implicit bound (MAX_SAFE_INTEGER) is no limit a designer needs to see.
  if (Number.isFinite(schema.maxValue) && (schema.maxValue ?? 0) < Number.MAX_SAFE_INTEGER) bounds.max = schema.maxValue ?? undefined;
  if (schema.isInt) bounds.integer = true;
  return bounds;
}

/** `maxRetries` → `Max retries`: the last resort when the catalog has no label. */
export function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Basic fields and advanced fields, each in form order. */
export function splitAdvanced(fields: readonly FieldModel[]): { basic: FieldModel[]; advanced: FieldModel[] } {
  return { basic: fields.filter((field) => !field.advanced), advanced: fields.filter((field) => field.advanced) };
}

const forms = new Map<string, FieldModel[]>();

/** The form of a node type in a locale, built once (schemas do not change while the app runs). */
export function nodeForm(type: { type: string; props: z.core.$ZodType; texts: Record<'en' | 'th', NodeTexts> }, locale: 'en' | 'th'): FieldModel[] {
  const key = `${type.type}:${locale}`;
  let form = forms.get(key);
  if (!form) forms.set(key, (form = buildForm(type.props, type.texts[locale])));
  return form;
}

/**
 * The item keys the dedicated widgets edit themselves (the rule builder, the weekly hours).
 * Tests hold the schemas to these, so a key added to a rule or an hours row is not silently
 * left without a control.
 */
export const WIDGET_ITEM_KEYS: Partial<Record<Widget, readonly string[]>> = {
  rules: ['var', 'op', 'value'],
  weekly: ['day', 'open', 'close'],
};
