import { z } from 'zod';

/**
 * How the editor renders a field. The property panel is generated from these; a node type
 * never ships its own form.
 */
export type Widget =
  | 'text' // a plain single-line string
  | 'liquid' // a Liquid template, optionally per locale/channel (`Text`)
  | 'number'
  | 'boolean'
  | 'select' // an enum
  | 'duration' // "30s", "10m", "2h", "1d"
  | 'channel'
  | 'channels'
  | 'variable' // a flow variable name (written by the node)
  | 'path' // a dotted path into the template scope or a response (read)
  | 'list' // an array of objects, edited item by item
  | 'tags' // an array of short strings
  | 'rules' // condition rules
  | 'keyvalue' // a map of name → template
  | 'json' // a JSON value or template
  | 'timezone'
  | 'weekly'
  | 'dates'
  | 'regex'
  | 'expression' // JSONata
  | 'flow' // another flow's id
  | 'url'
  | 'id'; // a handle-producing id (option, case, intent, branch)

/** Editor and validator metadata carried by every field schema (zod's `.meta()`). */
export interface FieldMeta {
  widget?: Widget;
  /** Shown only when the panel's "advanced" section is open. */
  advanced?: boolean;
  /** Placeholder shown in an empty input (not translated: it is an example value). */
  placeholder?: string;
  /** Lower sorts first in the property panel. */
  order?: number;
}

declare module 'zod' {
  // zod's global registry metadata; augmenting it types `.meta()` for our widgets.
  interface GlobalMeta extends FieldMeta {}
}

/**
 * Reads the field metadata of a schema, looking through optional/default/nullable wrappers
 * (zod keeps `.meta()` on the schema it was called on, not on later wrappers).
 */
export function fieldMeta(schema: z.core.$ZodType): FieldMeta | undefined {
  let current: z.core.$ZodType | undefined = schema;
  while (current) {
    const meta: FieldMeta | undefined = z.globalRegistry.get(current);
    if (meta && Object.keys(meta).length > 0) return meta;
    current = unwrapOnce(current);
  }
  return undefined;
}

/** The schema inside an optional/default/nullable/readonly wrapper, if any. */
export function unwrapOnce(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (!('innerType' in def)) return undefined;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType instanceof z.core.$ZodType ? def.innerType : undefined;
    default:
      return undefined;
  }
}

/** Strips every wrapper, returning the schema that describes the value itself. */
export function unwrapAll(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let inner = unwrapOnce(current); inner; inner = unwrapOnce(current)) current = inner;
  return current;
}
