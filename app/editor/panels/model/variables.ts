// The variables panel's logic: declared variables with where each is used, the ones used
// without a declaration, and the edits (declare, rename, retype, default, remove) as new maps.
import type { FlowDocument } from '@/flows';
import { variableUsage, type VariableUse } from '@/flows/validate/usage';
import { VARIABLE_TYPES } from '@/flows/schema/flow';

export type Variables = FlowDocument['variables'];
export type Declaration = Variables[string];

export interface VariableRow {
  name: string;
  /** Absent for a variable used but not declared. */
  declaration?: Declaration;
  reads: VariableUse[];
  writes: VariableUse[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Declared variables in declaration order, then variables that nodes read or write without a
 * declaration, by name.
 */
export function variableRows(flow: Pick<FlowDocument, 'variables' | 'nodes'>): { declared: VariableRow[]; undeclared: VariableRow[] } {
  const usage = variableUsage(flow);
  const declared = Object.entries(flow.variables).map(([name, declaration]) => ({
    name,
    declaration,
    reads: usage.get(name)?.reads ?? [],
    writes: usage.get(name)?.writes ?? [],
  }));
  const undeclared = [...usage.entries()]
    .filter(([name]) => !Object.prototype.hasOwnProperty.call(flow.variables, name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, use]) => ({ name, reads: use.reads, writes: use.writes }));
  return { declared, undeclared };
}

export type NameProblem = 'invalid' | 'taken';

/** Why a name cannot be used for a new or renamed variable, if it cannot. */
export function nameProblem(variables: Variables, name: string, current?: string): NameProblem | undefined {
  if (!NAME.test(name)) return 'invalid';
  if (name !== current && Object.prototype.hasOwnProperty.call(variables, name)) return 'taken';
  return undefined;
}

/** Adds a declaration (type `any` unless given) at the end. */
export function declareVariable(variables: Variables, name: string, type = 'any'): Variables {
  return { ...variables, [name]: { type } };
}

export function removeVariable(variables: Variables, name: string): Variables {
  return Object.fromEntries(Object.entries(variables).filter(([key]) => key !== name));
}

/** Replaces one declaration's fields; `undefined` removes an optional one. */
export function updateDeclaration(variables: Variables, name: string, patch: Partial<Declaration>): Variables {
  const current = variables[name];
  if (!current) return variables;
  const next: Record<string, unknown> = { ...current, ...patch };
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return { ...variables, [name]: { type: current.type, ...next } };
}

/** Type names offered (the runtime's), plus the declaration's own if it is another. */
export function typeChoices(current: string | undefined): string[] {
  const known: string[] = [...VARIABLE_TYPES];
  return current && !known.includes(current) ? [...known, current] : known;
}

/** The text a default is edited as. */
export function formatDefault(value: unknown, type: string): string {
  if (value === undefined) return '';
  if (type === 'string' && typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Reads a typed default for a type: text as is for `string`, a number for `number`, otherwise
 * JSON (`true`, `[]`, `{"a":1}`, `"text"`). Empty means no default.
 *
 * @example parseDefault('42', 'number') // { ok: true, value: 42 }
 */
export function parseDefault(text: string, type: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  if (type === 'string') return { ok: true, value: text };
  if (type === 'number') {
    const number = Number(text);
    return Number.isNaN(number) ? { ok: false } : { ok: true, value: number };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    // A word typed for an `any` variable is meant as text.
    return type === 'any' ? { ok: true, value: text } : { ok: false };
  }
}
