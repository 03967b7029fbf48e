import { deepEqual, isPlainObject } from './deepEqual';

/**
 * One difference at a dotted path. `before` is `undefined` when the field was added, `after`
 * when it was removed.
 */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

/**
 * The changes between two JSON-like values, with paths below `path` (`''` for the root).
 * Plain objects are walked in sorted key order so the output is stable; arrays whose items all
 * carry a unique string `id` are matched by id (`options[id=lost].label`), other arrays by
 * index (`keys[1]`). A value that changes kind (string → object) is one change, not walked.
 *
 * @example
 * diffValues('data', { prompt: 'Hi', keys: ['1'] }, { prompt: 'Hello', keys: ['1', '2'] })
 * // [{ path: 'data.keys[1]', before: undefined, after: '2' },
 * //  { path: 'data.prompt', before: 'Hi', after: 'Hello' }]
 */
export function diffValues(path: string, before: unknown, after: unknown): FieldChange[] {
  if (deepEqual(before, after)) return [];
  // Only two objects or two arrays are walked; anything else, including a value that changed
  // kind (a Text going from "Hi" to { en: "Hi", th: … }), is reported whole at this path.
  if (isPlainObject(before) && isPlainObject(after)) return diffObjects(path, before, after);
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(path, before, after);
  return [{ path, before, after }];
}

function diffObjects(path: string, before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  // Sorted so that two equal diffs list their changes in the same order whatever the key order
  // of the documents (an editor may rewrite keys in any order).
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((key) => diffValues(joinKey(path, key), before[key], after[key]));
}

function diffArrays(path: string, before: unknown[], after: unknown[]): FieldChange[] {
  const beforeById = indexById(before);
  const afterById = indexById(after);
  if (beforeById && afterById) return diffById(path, beforeById, afterById);
  const changes: FieldChange[] = [];
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    changes.push(...diffValues(`${path}[${index}]`, before[index], after[index]));
  }
  return changes;
}

/**
 * Items matched by id so that inserting or moving an option does not show every later option
 * as changed. The order of the shared ids is reported once, on the array itself.
 */
function diffById(path: string, before: Map<string, unknown>, after: Map<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  const beforeOrder = [...before.keys()];
  const afterOrder = [...after.keys()];
  const shared = (ids: string[], other: Map<string, unknown>) => ids.filter((id) => other.has(id));
  if (!deepEqual(shared(beforeOrder, after), shared(afterOrder, before))) {
    changes.push({ path, before: beforeOrder, after: afterOrder });
  }
  for (const [id, item] of after) changes.push(...diffValues(`${path}[id=${id}]`, before.get(id), item));
  for (const [id, item] of before) {
    if (!after.has(id)) changes.push({ path: `${path}[id=${id}]`, before: item, after: undefined });
  }
  return changes;
}

/** Items by their `id`, in order; `undefined` unless every item is an object with a unique string id. */
function indexById(items: unknown[]): Map<string, unknown> | undefined {
  const byId = new Map<string, unknown>();
  for (const item of items) {
    if (!isPlainObject(item) || typeof item.id !== 'string' || byId.has(item.id)) return undefined;
    byId.set(item.id, item);
  }
  return byId;
}

function joinKey(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
