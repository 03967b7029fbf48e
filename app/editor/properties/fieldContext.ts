// What every field of the property panel needs besides its own value: passed down explicitly
// so each widget renders (and is tested) from its props alone.
import type { Locale } from '@/app/i18n/messages';
import type { FieldProblem } from './model/errors';
import type { Keys } from './model/values';

export interface FieldContext {
  locale: Locale;
  readOnly: boolean;
  /** The flow being edited (a subflow node cannot call it). */
  flowId: string;
  /** The flow's locale: the first tab when a plain text gets a second language. */
  flowLocale: string;
  /** Names offered after `{{` in templates (`vars.last4`, `contact.name`…). */
  templateNames: readonly string[];
  /** Variable names a `variable` field may pick. */
  variableNames: readonly string[];
  problems: readonly FieldProblem[];
  /** Unique prefix for element ids (several panels may be on a page). */
  idBase: string;
  /** Sets the value at `keys` inside the node's data (`undefined` removes it). */
  change(keys: Keys, value: unknown): void;
}

/** A stable element id for the field at `keys`. */
export function fieldId(ctx: Pick<FieldContext, 'idBase'>, keys: Keys, suffix = ''): string {
  const path = keys.map((key) => String(key).replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
  return `${ctx.idBase}-${path}${suffix ? `-${suffix}` : ''}`;
}

/** Props every widget receives. */
export interface WidgetProps {
  keys: Keys;
  value: unknown;
  /** The field's label, for the aria-labels of a widget's inner controls. */
  label: string;
  id: string;
  describedBy?: string;
  invalid: boolean;
  ctx: FieldContext;
}
