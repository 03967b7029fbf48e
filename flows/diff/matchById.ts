/** Items of two lists paired by `id`; see `matchById`. */
export interface Matched<T> {
  /** In `after` order. */
  added: T[];
  /** In `before` order. */
  removed: T[];
  /** `[before, after]` pairs, in `after` order. */
  pairs: [T, T][];
}

/**
 * Pairs the items of two lists by `id`. Ids are meant to be unique, but the schema does not
 * enforce it (the validator reports `duplicate-id`), so a repeated id pairs its n-th occurrence
 * in `before` with its n-th in `after` instead of throwing or pairing one item twice.
 *
 * @example
 * matchById([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }])
 * // { added: [{ id: 'c' }], removed: [{ id: 'a' }], pairs: [[{ id: 'b' }, { id: 'b' }]] }
 */
export function matchById<T extends { id: string }>(before: readonly T[], after: readonly T[]): Matched<T> {
  const waiting = new Map<string, T[]>();
  for (const item of before) waiting.set(item.id, [...(waiting.get(item.id) ?? []), item]);
  const paired = new Set<T>();
  const result: Matched<T> = { added: [], removed: [], pairs: [] };
  for (const item of after) {
    const match = waiting.get(item.id)?.shift();
    if (match === undefined) {
      result.added.push(item);
    } else {
      paired.add(match);
      result.pairs.push([match, item]);
    }
  }
  result.removed = before.filter((item) => !paired.has(item));
  return result;
}
