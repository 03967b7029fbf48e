/**
 * Structural equality for JSON-like values: plain objects by their own keys, arrays by
 * position, everything else with `Object.is` (so `NaN` equals itself, as a stored value would).
 * A key holding `undefined` counts as absent, because that is how the document serializes.
 *
 * @example deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/**
 * True for `{}`-style objects (what JSON and zod produce), false for arrays, null, and class
 * instances such as `Date`, which are compared as whole values rather than walked key by key.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
