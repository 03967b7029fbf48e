import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_TYPES, nodeType } from '@/flows';
import { buildForm, humanize, inferWidget, nodeForm, splitAdvanced, valueSchema, WIDGET_ITEM_KEYS, type FieldModel } from './formModel';

// Every key of an object schema, recursively into lists of objects, as dotted text paths.
function schemaPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  const inner = valueSchema(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const value = valueSchema(child);
    const nested = value instanceof z.ZodArray && valueSchema(value.element) instanceof z.ZodObject ? schemaPaths(value.element, path) : [];
    return [path, ...nested];
  });
}

// The form's paths, plus the item keys a dedicated widget (rules, weekly) edits itself.
function formPaths(fields: readonly FieldModel[]): string[] {
  return fields.flatMap((field) => [
    field.textPath,
    ...formPaths(field.itemFields ?? []),
    ...(WIDGET_ITEM_KEYS[field.widget] ?? []).map((key) => `${field.textPath}.${key}`),
  ]);
}

function allFields(fields: readonly FieldModel[]): FieldModel[] {
  return fields.flatMap((field) => [field, ...allFields(field.itemFields ?? [])]);
}

describe('buildForm, for every node type in the catalog', () => {
  for (const type of NODE_TYPES) {
    describe(type.type, () => {
      for (const locale of ['en', 'th'] as const) {
        it(`gives every field a widget and the catalog's ${locale} label, dropping none`, () => {
          const form = buildForm(type.props, type.texts[locale]);
          expect(formPaths(form).sort()).toEqual(schemaPaths(type.props).sort());
          for (const field of allFields(form)) {
            expect(field.widget, field.textPath).toBeTruthy();
            expect(field.label, field.textPath).toBe(type.texts[locale].fields[field.textPath]?.label);
          }
        });
      }

      it('lists every choice of its enums and every item field of its lists', () => {
        for (const field of allFields(buildForm(type.props, type.texts.en))) {
          if (field.widget === 'select') expect(field.choices?.length, field.textPath).toBeGreaterThan(0);
          if (field.widget === 'list') expect(field.itemFields?.length, field.textPath).toBeGreaterThan(0);
        }
      });
    });
  }
});

describe('buildForm details', () => {
  it('reads widgets, requiredness, bounds and advanced sections from the menu schema', () => {
    const form = buildForm(nodeType('menu')!.props, nodeType('menu')!.texts.en);
    const byKey = Object.fromEntries(form.map((field) => [field.key, field]));
    expect(byKey.prompt).toMatchObject({ widget: 'liquid', required: true, advanced: false });
    expect(byKey.timeout).toMatchObject({ widget: 'duration', required: false, placeholder: '30s' });
    expect(byKey.maxRetries).toMatchObject({ widget: 'number', required: false, min: 0, max: 10, integer: true });
    expect(byKey.options?.itemFields?.map((field) => [field.key, field.widget])).toEqual([
      ['id', 'id'],
      ['label', 'liquid'],
      ['keys', 'tags'],
      ['match', 'tags'],
    ]);
    const { basic, advanced } = splitAdvanced(form);
    expect(advanced.map((field) => field.key)).toEqual(['reprompt', 'noMatchText']);
    expect(basic.map((field) => field.key)).toEqual(['prompt', 'options', 'timeout', 'maxRetries']);
  });

  it('orders by the order metadata first, then declaration order', () => {
    const schema = z.object({
      a: z.string(),
      b: z.string().meta({ order: 2 }),
      c: z.string().meta({ order: 1 }),
      d: z.number(),
    });
    const form = buildForm(schema, { label: 'T', help: '', fields: {} });
    expect(form.map((field) => field.key)).toEqual(['c', 'b', 'a', 'd']);
    expect(form.map((field) => field.label)).toEqual(['C', 'B', 'A', 'D']);
  });

  it('reads a preprocessed enum (the weekly day) by its output', () => {
    const day = z.preprocess((value) => value, z.enum(['mon', 'tue']));
    expect(inferWidget(valueSchema(day))).toBe('select');
  });

  it('infers widgets for fields without metadata', () => {
    expect(inferWidget(z.string())).toBe('text');
    expect(inferWidget(z.number())).toBe('number');
    expect(inferWidget(z.boolean())).toBe('boolean');
    expect(inferWidget(z.enum(['a']))).toBe('select');
    expect(inferWidget(z.array(z.object({ a: z.string() })))).toBe('list');
    expect(inferWidget(z.array(z.string()))).toBe('tags');
    expect(inferWidget(z.record(z.string(), z.string()))).toBe('keyvalue');
    expect(inferWidget(z.unknown())).toBe('json');
  });

  it('humanizes keys as a last resort', () => {
    expect(humanize('maxRetries')).toBe('Max retries');
    expect(humanize('no_match')).toBe('No match');
  });

  it('caches a form per type and locale', () => {
    const type = nodeType('collect')!;
    expect(nodeForm(type, 'th')).toBe(nodeForm(type, 'th'));
    expect(nodeForm(type, 'th')[0]?.label).toBe(type.texts.th.fields.prompt?.label);
  });
});
