// The item a list's "Add" button appends: every required field filled with a neutral value,
// ids made unique among the existing items (they name output handles).
import type { FieldModel } from './formModel';
import { isRecord } from './values';

/**
 * @example newItem(menuOptionFields, [{ id: 'option1' }], 'options') // { id: 'option2', label: '' }
 */
export function newItem(fields: readonly FieldModel[], existing: readonly unknown[], listKey: string): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const field of fields) {
    if (!field.required) continue;
    if (field.widget === 'id') item[field.key] = freshId(field.key, existing, singular(listKey));
    else item[field.key] = emptyValue(field);
  }
  return item;
}

function emptyValue(field: FieldModel): unknown {
  switch (field.widget) {
    case 'number':
      return field.min ?? 0;
    case 'boolean':
      return false;
    case 'select':
    case 'channel':
      return field.choices?.[0] ?? '';
    case 'list':
    case 'tags':
    case 'rules':
    case 'weekly':
    case 'dates':
    case 'channels':
      return [];
    case 'keyvalue':
      return {};
    default:
      return '';
  }
}

// "option1", "option2"…: the first number not yet used by a sibling's id.
function freshId(key: string, existing: readonly unknown[], base: string): string {
  const taken = new Set(existing.map((item) => (isRecord(item) && typeof item[key] === 'string' ? item[key] : undefined)));
  for (let n = existing.length + 1; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** `options` → `option`, `branches` → `branch`, `quickReplies` → `quickReply`. */
export function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ches')) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word || 'item';
}
