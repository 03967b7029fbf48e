// Problems shown next to the fields they are about: the validator's diagnostics for the node
// (paths into the document) and zod's issues with the data as it is now (flagged while typing).
import type { z } from 'zod';
import { localizeDiagnostic, type Diagnostic, type Severity } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import { issueMessage } from './issueMessage';
import { getIn, type Keys } from './values';

export interface FieldProblem {
  /** Keys inside the node's data; empty for the node as a whole. */
  keys: (string | number)[];
  message: string;
  severity: Severity;
  code: string;
}

/**
 * `nodes[2].data.options[0].keys[1]` → `['options', 0, 'keys', 1]`; a path that does not reach
 * into `data` (the node itself, an edge) → `[]`.
 */
export function dataKeys(path: string): (string | number)[] {
  const match = /^nodes\[\d+\]\.data(.*)$/.exec(path);
  if (!match) return [];
  const keys: (string | number)[] = [];
  for (const part of (match[1] ?? '').matchAll(/\.([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(part[2] !== undefined ? Number(part[2]) : (part[1] ?? ''));
  }
  return keys;
}

/**
 * Every problem of a node: zod's issues with the current data first (they are fresh), then the
 * validator's diagnostics, minus `schema` ones at a path zod already reports (the same issue,
 * seen by the validator a moment ago).
 */
export function nodeProblems(
  diagnostics: readonly Diagnostic[],
  issues: readonly z.core.$ZodIssue[],
  locale: Locale,
  data: unknown = {},
): FieldProblem[] {
  const fromZod: FieldProblem[] = issues.map((issue) => {
    const keys = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    return { keys, message: issueMessage(issue, getIn(data, keys) === undefined, locale), severity: 'error', code: 'schema' };
  });
  const seen = new Set(fromZod.map((problem) => JSON.stringify(problem.keys)));
  const fromValidator = diagnostics
    .map((diag) => ({ keys: dataKeys(diag.path), message: localizeDiagnostic(diag, locale), severity: diag.severity, code: diag.code }))
    .filter((problem) => problem.code !== 'schema' || !seen.has(JSON.stringify(problem.keys)));
  return [...fromZod, ...fromValidator];
}

/** Problems at `keys` or anywhere inside it. */
export function problemsWithin(problems: readonly FieldProblem[], keys: Keys): FieldProblem[] {
  return problems.filter((problem) => startsWith(problem.keys, keys));
}

/** Problems exactly at `keys` (a list's own problems, not its items'). */
export function problemsAt(problems: readonly FieldProblem[], keys: Keys): FieldProblem[] {
  return problems.filter((problem) => problem.keys.length === keys.length && startsWith(problem.keys, keys));
}

/** Problems no field of the form claims: about the node itself, or a key the form does not show. */
export function unplacedProblems(problems: readonly FieldProblem[], fieldKeys: readonly string[]): FieldProblem[] {
  const known = new Set(fieldKeys);
  return problems.filter((problem) => {
    const first = problem.keys[0];
    return first === undefined || typeof first === 'number' || !known.has(first);
  });
}

function startsWith(keys: Keys, prefix: Keys): boolean {
  return prefix.length <= keys.length && prefix.every((key, index) => keys[index] === key);
}
