// API results are plain JSON (no transformer), so outside clients read them as they are:
// dates go out as ISO strings, and the types say so.

export type Jsonify<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

/** A value with every Date (however deep) replaced by its ISO string. */
export function jsonify<T>(value: T): Jsonify<T> {
  // JSON.stringify calls Date#toJSON, which is exactly the conversion the type describes.
  const plain: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  return plain as Jsonify<T>;
}
