/** Roots of the template scope; a rule `var` that starts elsewhere means a flow variable. */
export const SCOPE_ROOTS = ['vars', 'contact', 'input', 'channel', 'conversation', 'now', 'flow', 'link'] as const;
const ROOTS: ReadonlySet<string> = new Set(SCOPE_ROOTS);

/**
 * Splits a dotted path (`vars.order.items[0].sku`, or just `age` for `vars.age`) into keys.
 *
 * @example splitPath('vars.items[0].sku') // ['vars', 'items', '0', 'sku']
 */
export function splitPath(path: string, { scoped = true } = {}): string[] {
  const keys = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  if (scoped && keys.length > 0 && !ROOTS.has(keys[0]!)) keys.unshift('vars');
  return keys;
}

/** Reads a value at a path of plain objects and arrays; own properties only. */
export function readPath(value: unknown, keys: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
