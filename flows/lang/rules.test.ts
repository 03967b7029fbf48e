import { describe, expect, it } from 'vitest';
import type { Rule } from '../schema/common';
import { evaluateRule, regexError, safeRegex } from './rules';

const scope = {
  vars: { age: 20, ageText: '20', name: 'Somchai', tags: ['vip', 'gold'], empty: '', none: null, zero: 0, order: { items: [{ sku: 'A1' }] }, yes: true },
  contact: { phone: '+66810000001', attributes: { tier: 'Gold' } },
  channel: 'voice',
};

const holds = (rule: Rule) => evaluateRule(rule, scope);

describe('evaluateRule', () => {
  it('reads dotted paths, array indexes, and bare names as vars', () => {
    expect(holds({ var: 'vars.order.items[0].sku', op: 'eq', value: 'A1' })).toBe(true);
    expect(holds({ var: 'age', op: 'eq', value: 20 })).toBe(true);
    expect(holds({ var: 'contact.attributes.tier', op: 'eq', value: 'Gold' })).toBe(true);
    expect(holds({ var: 'channel', op: 'eq', value: 'voice' })).toBe(true);
  });

  it('eq/neq: exact for text, numeric for numbers written as strings, textual for booleans, deep for objects', () => {
    expect(holds({ var: 'name', op: 'eq', value: 'Somchai' })).toBe(true);
    expect(holds({ var: 'name', op: 'eq', value: 'somchai' })).toBe(false);
    expect(holds({ var: 'ageText', op: 'eq', value: 20 })).toBe(true);
    expect(holds({ var: 'age', op: 'eq', value: '20.0' })).toBe(true);
    expect(holds({ var: 'yes', op: 'eq', value: 'true' })).toBe(true);
    expect(holds({ var: 'tags', op: 'eq', value: ['vip', 'gold'] })).toBe(true);
    expect(holds({ var: 'name', op: 'neq', value: 'Ann' })).toBe(true);
    expect(holds({ var: 'missing', op: 'neq', value: 'x' })).toBe(true);
    expect(holds({ var: 'empty', op: 'eq', value: 0 })).toBe(false);
  });

  it('gt/gte/lt/lte compare numbers (also as strings), else text; mixed is false', () => {
    expect(holds({ var: 'ageText', op: 'gt', value: '9' })).toBe(true);
    expect(holds({ var: 'age', op: 'gte', value: 20 })).toBe(true);
    expect(holds({ var: 'age', op: 'lt', value: 20 })).toBe(false);
    expect(holds({ var: 'age', op: 'lte', value: '20' })).toBe(true);
    expect(holds({ var: 'name', op: 'gt', value: 'Ann' })).toBe(true);
    expect(holds({ var: 'name', op: 'gt', value: 5 })).toBe(false);
    expect(holds({ var: 'missing', op: 'lt', value: 5 })).toBe(false);
  });

  it('contains: case-insensitive in text, an element in a list', () => {
    expect(holds({ var: 'name', op: 'contains', value: 'CHAI' })).toBe(true);
    expect(holds({ var: 'tags', op: 'contains', value: 'gold' })).toBe(true);
    expect(holds({ var: 'tags', op: 'contains', value: 'go' })).toBe(false);
    expect(holds({ var: 'age', op: 'contains', value: '2' })).toBe(false);
  });

  it('startsWith: case-insensitive, text only', () => {
    expect(holds({ var: 'contact.phone', op: 'startsWith', value: '+66' })).toBe(true);
    expect(holds({ var: 'name', op: 'startsWith', value: 'som' })).toBe(true);
    expect(holds({ var: 'age', op: 'startsWith', value: '2' })).toBe(false);
  });

  it('matches: a regular expression on text; an invalid one never matches', () => {
    expect(holds({ var: 'contact.phone', op: 'matches', value: '^\\+668\\d{8}$' })).toBe(true);
    expect(holds({ var: 'name', op: 'matches', value: '^som' })).toBe(false);
    expect(holds({ var: 'name', op: 'matches', value: '(' })).toBe(false);
  });

  it('in: one of a list, loosely', () => {
    expect(holds({ var: 'contact.attributes.tier', op: 'in', value: ['Gold', 'Platinum'] })).toBe(true);
    expect(holds({ var: 'ageText', op: 'in', value: [18, 20] })).toBe(true);
    expect(holds({ var: 'name', op: 'in', value: 'Somchai' })).toBe(false);
  });

  it('exists: anything but undefined and null; empty: nothing, blank text, empty list or object', () => {
    expect(holds({ var: 'zero', op: 'exists' })).toBe(true);
    expect(holds({ var: 'empty', op: 'exists' })).toBe(true);
    expect(holds({ var: 'none', op: 'exists' })).toBe(false);
    expect(holds({ var: 'missing', op: 'exists' })).toBe(false);
    expect(holds({ var: 'empty', op: 'empty' })).toBe(true);
    expect(holds({ var: 'none', op: 'empty' })).toBe(true);
    expect(holds({ var: 'zero', op: 'empty' })).toBe(false);
    expect(evaluateRule({ var: 'vars.list', op: 'empty' }, { vars: { list: [] } })).toBe(true);
    expect(evaluateRule({ var: 'vars.obj', op: 'empty' }, { vars: { obj: {} } })).toBe(true);
  });

  it('never reads inherited properties', () => {
    expect(holds({ var: 'vars.name.length', op: 'exists' })).toBe(false);
    expect(holds({ var: 'vars.constructor', op: 'exists' })).toBe(false);
  });
});

describe('safeRegex and regexError', () => {
  it('compiles once, null for invalid; the error names the problem', () => {
    expect(safeRegex('^a+$')?.test('aaa')).toBe(true);
    expect(safeRegex('(')).toBeNull();
    expect(regexError('^a+$')).toBeUndefined();
    expect(regexError('(')).toMatch(/.+/);
  });
});
