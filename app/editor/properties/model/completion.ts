// Variable autocomplete inside Liquid templates: after `{{` the designer is offered the names
// the template scope has (flow variables, contact fields, the input, the channel…).
import type { FlowDocument } from '@/flows';
import { variableUsage } from '@/flows/validate/usage';

const SCOPE_NAMES = [
  'contact.name',
  'contact.phone',
  'contact.email',
  'contact.attributes.',
  'input.text',
  'input.digits',
  'input.intent',
  'channel',
  'conversation.id',
];

/** Every name a template may read here: declared variables, variables nodes write, then the fixed scope. */
export function templateNames(flow: Pick<FlowDocument, 'variables' | 'nodes'>): string[] {
  const variables = new Set(Object.keys(flow.variables));
  for (const [name, use] of variableUsage(flow)) if (use.writes.length > 0) variables.add(name);
  return [...[...variables].sort().map((name) => `vars.${name}`), ...SCOPE_NAMES];
}

/** Variable names a `variable` field may pick: declared ones and those other nodes write. */
export function variableNames(flow: Pick<FlowDocument, 'variables' | 'nodes'>): string[] {
  const names = new Set(Object.keys(flow.variables));
  for (const [name, use] of variableUsage(flow)) if (use.writes.length > 0) names.add(name);
  return [...names].sort();
}

export interface CompletionQuery {
  /** Where the partial name starts in the text. */
  from: number;
  /** What was typed of the name so far. */
  prefix: string;
}

/**
 * The partial name at the cursor when it sits inside an open `{{ … ` output tag; otherwise
 * `undefined` (no menu).
 *
 * @example completionAt('Hi {{ vars.la', 13) // { from: 6, prefix: 'vars.la' }
 */
export function completionAt(text: string, cursor: number): CompletionQuery | undefined {
  const before = text.slice(0, cursor);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.lastIndexOf('}}') > open) return undefined;
  const match = /[A-Za-z0-9_.]*$/.exec(before);
  const prefix = match?.[0] ?? '';
  const between = before.slice(open + 2, cursor - prefix.length);
  if (between.trim() !== '') return undefined; // past the name: a filter, an operator
  return { from: cursor - prefix.length, prefix };
}

/** Names that start with (or contain) what was typed, those that start with it first. */
export function filterNames(names: readonly string[], prefix: string, limit = 8): string[] {
  const lower = prefix.toLowerCase();
  const starts = names.filter((name) => name.toLowerCase().startsWith(lower));
  const contains = names.filter((name) => !starts.includes(name) && name.toLowerCase().includes(lower));
  return [...starts, ...contains].slice(0, limit);
}

/**
 * The text with the partial name replaced by `name`, closing the tag if it is not closed yet,
 * and the cursor position after it.
 */
export function applyCompletion(text: string, query: CompletionQuery, cursor: number, name: string): { text: string; cursor: number } {
  const after = text.slice(cursor);
  const closed = /^\s*\}\}/.test(after) || /^[^{]*\}\}/.test(after);
  const insert = closed ? name : `${name} }}`;
  const next = text.slice(0, query.from) + insert + after;
  return { text: next, cursor: query.from + insert.length };
}
