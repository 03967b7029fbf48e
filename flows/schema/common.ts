import { z } from 'zod';
import './meta';

/** Channels a journey can run on. */
export const CHANNELS = ['webchat', 'voice', 'sms', 'line', 'email', 'api'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Slug used for flow and node ids: `[a-z0-9][a-z0-9-]*`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, starting with a letter or digit');

/** Ids that name output handles (option, case, intent, branch ids): letters, digits, `-`, `_`. */
export const HandleId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use letters, digits, "-" and "_", starting with a letter or digit')
  .meta({ widget: 'id' });

/** A flow variable name; `vars.` in front is tolerated because designers copy it from templates. */
export const VariableName = z
  .string()
  .regex(/^(vars\.)?[A-Za-z_][A-Za-z0-9_]*$/, 'use a name like last4 or orderId (letters, digits, "_")')
  .meta({ widget: 'variable' });

/** Strips the optional `vars.` prefix of a variable name. */
export function variableKey(name: string): string {
  return name.startsWith('vars.') ? name.slice(5) : name;
}

/**
 * A duration string ("30s", "10m", "2h", "1d"). The schema accepts any string so that a bad
 * duration is reported with its own diagnostic code (`invalid-duration`), not as `schema`.
 */
export const Duration = z.string().meta({ widget: 'duration', placeholder: '30s' });

/**
 * A text: a Liquid template string, or a map by locale (`{ "th-TH": …, "en-US": … }`) or by
 * channel (`{ "default": …, "voice": … }`); the two maps may nest one level.
 */
export const TextLeafMap = z.record(z.string(), z.string());
export const Text = z
  .union([z.string(), z.record(z.string(), z.union([z.string(), TextLeafMap]))])
  .meta({ widget: 'liquid' });
export type Text = z.infer<typeof Text>;

export const RULE_OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'matches',
  'in',
  'exists',
  'empty',
] as const;
export const RuleOp = z.enum(RULE_OPS);
export type RuleOp = z.infer<typeof RuleOp>;

/** A structured condition: `{ "var": "vars.age", "op": "gte", "value": 18 }`. */
export const Rule = z.object({
  var: z.string().min(1).meta({ widget: 'path' }),
  op: RuleOp,
  value: z.unknown().optional(),
});
export type Rule = z.infer<typeof Rule>;

/** A JSONata expression (validated by its own diagnostic code, `invalid-expression`). */
export const Expression = z.string().min(1).meta({ widget: 'expression' });
