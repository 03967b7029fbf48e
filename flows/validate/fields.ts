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
 * Walks a node's data alongside its props schema and calls `visit` for every field that has a
 * widget (templates, durations, patterns, rules…), descending into all but leaf widgets. This
 * is how one declaration drives generic checks: a new node type gets them by using the shared
 * field types.
 */
export function walkFields(schema: z.core.$ZodType, value: unknown, visit: FieldVisitor, keys: (string | number)[] = []): void {
  if (value === undefined || value === null) return;
  const widget = fieldMeta(schema)?.widget;
  if (widget) visit(widget, value, keys);
  if (widget && LEAF_WIDGETS.has(widget)) return;
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

// A JSON value (an http body) deeper than this is not a real request; the walk stops there
// rather than overflow the stack on hostile input.
const MAX_JSON_DEPTH = 64;

/**
 * Calls `fn` for every string inside a JSON value, with the keys that lead to it. Depth-bounded
 * and cycle-safe: the value is user data, and the validator must never throw.
 */
export function forEachString(
  value: unknown,
  keys: (string | number)[],
  fn: (text: string, keys: (string | number)[]) => void,
  seen = new Set<object>(),
  depth = 0,
): void {
  if (typeof value === 'string') {
    fn(value, keys);
    return;
  }
  if (typeof value !== 'object' || value === null || seen.has(value) || depth >= MAX_JSON_DEPTH) return;
  seen.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) forEachString(item, [...keys, key], fn, seen, depth + 1);
}
