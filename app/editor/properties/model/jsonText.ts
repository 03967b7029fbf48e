// The `json` widget (an HTTP body): JSON when the text is a JSON object or list, otherwise a
// text template; so every keystroke has a value to store and nothing is ever "invalid JSON".

/** The text shown for a stored body. */
export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

/**
 * What a typed body stores: a parsed object or list, the template string, or nothing.
 *
 * @example parseJsonText('{"a": 1}') // { a: 1 }
 * @example parseJsonText('id={{ vars.id }}') // 'id={{ vars.id }}'
 */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) return parsed;
    } catch {
      // Not JSON (yet): kept as the text typed.
    }
  }
  return text;
}
