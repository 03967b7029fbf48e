// A rule's value as typed in one box: numbers and true/false are stored as such (so
// `vars.age gte 18` compares numbers), `in` takes a comma-separated list.
import type { RuleOp } from '@/flows/schema/common';

/** Ops that take no value. */
export const VALUELESS_OPS: ReadonlySet<RuleOp> = new Set<RuleOp>(['exists', 'empty']);

/**
 * Reads what was typed into the value a rule stores.
 *
 * @example parseRuleValue('18', 'gte') // 18
 * @example parseRuleValue('gold, silver', 'in') // ['gold', 'silver']
 */
export function parseRuleValue(text: string, op: RuleOp): unknown {
  if (VALUELESS_OPS.has(op)) return undefined;
  if (op === 'in') return text.split(',').map((item) => scalar(item.trim())).filter((item) => item !== '');
  if (op === 'matches' || op === 'contains' || op === 'startsWith') return text;
  return scalar(text);
}

/** The text shown for a stored value. */
export function formatRuleValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => formatRuleValue(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function scalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}
