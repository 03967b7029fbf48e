import type { Rule } from '../schema/common';
import { readPath, splitPath } from './path';

/**
 * Evaluates one structured rule against the template scope. Numbers written as strings compare
 * as numbers (a collected "18" is 18); text compares case-insensitively for `contains` and
 * `startsWith`, exactly for `eq`.
 *
 * @example evaluateRule({ var: 'vars.age', op: 'gte', value: 18 }, { vars: { age: 20 } }) // true
 */
export function evaluateRule(rule: Rule, scope: object): boolean {
  const actual = readPath(scope, splitPath(rule.var));
  const expected = rule.value;
  switch (rule.op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'empty':
      return isEmpty(actual);
    case 'eq':
      return looselyEqual(actual, expected);
    case 'neq':
      return !looselyEqual(actual, expected);
    case 'gt':
      return compare(actual, expected, (a, b) => a > b);
    case 'gte':
      return compare(actual, expected, (a, b) => a >= b);
    case 'lt':
      return compare(actual, expected, (a, b) => a < b);
    case 'lte':
      return compare(actual, expected, (a, b) => a <= b);
    case 'contains':
      return contains(actual, expected);
    case 'startsWith':
      return typeof actual === 'string' && lower(actual).startsWith(lower(String(expected ?? '')));
    case 'matches':
      return typeof actual === 'string' && safeRegex(String(expected ?? ''))?.test(actual) === true;
    case 'in':
      return Array.isArray(expected) && expected.some((item) => looselyEqual(actual, item));
    default: {
      const exhaustive: never = rule.op;
      throw new Error(`unknown rule op ${String(exhaustive)}`);
    }
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function looselyEqual(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') return String(actual) === String(expected);
  if (typeof actual === 'object' || typeof expected === 'object') return JSON.stringify(actual) === JSON.stringify(expected);
  return false;
}

function compare(actual: unknown, expected: unknown, op: (a: number | string, b: number | string) => boolean): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return op(a, b);
  if (typeof actual === 'string' && typeof expected === 'string') return op(actual, expected);
  return false;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((item) => looselyEqual(item, expected));
  if (typeof actual === 'string') return lower(actual).includes(lower(String(expected ?? '')));
  return false;
}

function lower(text: string): string {
  return text.toLocaleLowerCase();
}

const regexCache = new Map<string, RegExp | null>();

/** Compiles a designer's pattern once; an invalid one never matches (the validator reports it). */
export function safeRegex(pattern: string, flags = 'u'): RegExp | null {
  const key = `${flags}/${pattern}`;
  if (!regexCache.has(key)) {
    let compiled: RegExp | null = null;
    try {
      compiled = new RegExp(pattern, flags);
    } catch {
      compiled = null;
    }
    regexCache.set(key, compiled);
  }
  return regexCache.get(key) ?? null;
}

/** The error of a pattern, or `undefined` when it compiles. */
export function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
