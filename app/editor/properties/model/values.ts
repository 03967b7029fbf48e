// Immutable edits of a node's data by key path: every edit yields a new object, so the canvas
// can record it as one undoable step and React sees the change.

export type Keys = readonly (string | number)[];

/** The value at a path of own properties; `undefined` when any step is missing. */
export function getIn(value: unknown, keys: Keys): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

/**
 * A copy of `root` with `value` at `keys`; `undefined` removes an object property (an optional
 * field left empty is absent, not `""`). Missing containers are created (arrays for numeric keys).
 *
 * @example setIn({ options: [{ id: 'a' }] }, ['options', 0, 'id'], 'b') // { options: [{ id: 'b' }] }
 */
export function setIn(root: unknown, keys: Keys, value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const next = rest.length === 0 ? value : setIn(getIn(root, [key]), rest, value);
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[key] = next;
    return list;
  }
  const record: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  if (next === undefined) delete record[key];
  else record[key] = next;
  return record;
}

/** `setIn` for the top-level data object, which is always a record. */
export function setData(data: Record<string, unknown>, keys: Keys, value: unknown): Record<string, unknown> {
  const next = setIn(data, keys, value);
  return isRecord(next) ? next : {};
}

/** A copy of a list with the item at `from` moved to `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(target, 0, item);
  return copy;
}

/** A copy of a list without the item at `index`. */
export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, at) => at !== index);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The list at a value, or an empty one. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string list at a value (non-strings dropped). */
export function asStrings(value: unknown): string[] {
  return asList(value).filter((item): item is string => typeof item === 'string');
}
