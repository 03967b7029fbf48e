import { z } from 'zod';
import { fieldMeta, unwrapAll, type Widget } from '../schema/meta';

export type FieldVisitor = (widget: Widget, value: unknown, keys: (string | number)[]) => void;

// Widgets whose value is handled as a whole (the walk does not descend into them).
const LEAF_WIDGETS: ReadonlySet<Widget> = new Set<Widget>([
  'liquid',
  'duration',
  'regex',
  'expression',
  'timezone',
  'path',
  'variable',
  'json',
  'flow',
]);

/**
 * Walks a node's data alongside its props schema and calls `visit` for every field whose
 * widget the validator cares about (templates, durations, patterns…). This is how one
 * declaration drives generic checks: a new node type gets them by using the shared field types.
 */
export function walkFields(schema: z.core.$ZodType, value: unknown, visit: FieldVisitor, keys: (string | number)[] = []): void {
  if (value === undefined || value === null) return;
  const widget = fieldMeta(schema)?.widget;
  if (widget && LEAF_WIDGETS.has(widget)) {
    visit(widget, value, keys);
    return;
  }
  const inner = unwrapAll(schema);
  if (typeof value !== 'object') return;
  if (inner instanceof z.ZodObject && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(inner.shape)) {
      walkFields(child, readKey(value, key), visit, [...keys, key]);
    }
  } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
    const element: z.core.$ZodType = inner.element;
    value.forEach((item, index) => walkFields(element, item, visit, [...keys, index]));
  } else if (inner instanceof z.ZodRecord && !Array.isArray(value)) {
    const valueType: z.core.$ZodType = inner.valueType;
    for (const [key, item] of Object.entries(value)) walkFields(valueType, item, visit, [...keys, key]);
  }
}

function readKey(value: object, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  const item: unknown = Reflect.get(value, key);
  return item;
}
