import { describe, expect, it } from 'vitest';
import { bindNode, nodeFlow, propsOf, simulate } from './testkit';

type Case = { id: string; match?: 'all' | 'any'; rules?: { var: string; op: string; value?: unknown }[]; expression?: string };

/** Which handle a condition takes with these variables and contact. */
function branch(cases: Case[], vars: Record<string, unknown> = {}, contact: Record<string, unknown> = {}): string | null {
  return simulate(nodeFlow('condition', { cases }), { vars, contact }).state().outcome;
}

/** One case with one rule: `yes` when the rule holds, `else` otherwise. */
function rule(op: string, actual: unknown, value?: unknown): string | null {
  return branch([{ id: 'yes', rules: [{ var: 'vars.x', op, ...(value === undefined ? {} : { value }) }] }], actual === undefined ? {} : { x: actual });
}

describe('condition node', () => {
  it.each([
    ['eq', 'gold', 'gold', 'yes'],
    ['eq', 'gold', 'silver', 'else'],
    ['eq', 18, 18, 'yes'],
    ['eq', '18', 18, 'yes'],
    ['eq', true, 'true', 'yes'],
    ['neq', 'gold', 'silver', 'yes'],
    ['neq', '5', 5, 'else'],
    ['gt', 19, 18, 'yes'],
    ['gt', 18, 18, 'else'],
    ['gt', '100', 20, 'yes'],
    ['gte', 18, 18, 'yes'],
    ['gte', '17', 18, 'else'],
    ['lt', 3, 5, 'yes'],
    ['lt', '10', '9', 'else'],
    ['lte', 5, 5, 'yes'],
    ['lte', 6, 5, 'else'],
    ['gt', '2026-03-02', '2026-01-01', 'yes'],
    ['gt', 'abc', 5, 'else'],
    ['contains', 'My Card Was Stolen', 'stolen', 'yes'],
    ['contains', 'balance', 'card', 'else'],
    ['contains', ['vip', 'gold'], 'gold', 'yes'],
    ['contains', ['vip', 'gold'], 'silver', 'else'],
    ['startsWith', '+66812345678', '+66', 'yes'],
    ['startsWith', 'Hello there', 'hello', 'yes'],
    ['startsWith', '0812345678', '+66', 'else'],
    ['matches', 'TH-1234', '^TH-\\d{4}$', 'yes'],
    ['matches', 'TH-12', '^TH-\\d{4}$', 'else'],
    ['in', 'gold', ['gold', 'platinum'], 'yes'],
    ['in', 2, ['1', '2'], 'yes'],
    ['in', 'silver', ['gold', 'platinum'], 'else'],
    ['exists', 'x', undefined, 'yes'],
    ['exists', 0, undefined, 'yes'],
    ['exists', undefined, undefined, 'else'],
    ['empty', '  ', undefined, 'yes'],
    ['empty', [], undefined, 'yes'],
    ['empty', undefined, undefined, 'yes'],
    ['empty', 0, undefined, 'else'],
    ['empty', 'x', undefined, 'else'],
  ] as const)('%s: %j vs %j → %s', (op, actual, value, expected) => {
    expect(rule(op, actual, value)).toBe(expected);
  });

  it('reads vars without the vars. prefix, and other scope roots', () => {
    expect(branch([{ id: 'adult', rules: [{ var: 'age', op: 'gte', value: 18 }] }], { age: 30 })).toBe('adult');
    expect(branch([{ id: 'vip', rules: [{ var: 'contact.attributes.tier', op: 'eq', value: 'gold' }] }], {}, { attributes: { tier: 'gold' } })).toBe('vip');
    expect(branch([{ id: 'phone', rules: [{ var: 'channel', op: 'eq', value: 'webchat' }] }])).toBe('phone');
  });

  it('match all needs every rule; match any needs one', () => {
    const rules = [
      { var: 'vars.age', op: 'gte', value: 18 },
      { var: 'vars.tier', op: 'eq', value: 'gold' },
    ];
    expect(branch([{ id: 'hit', rules }], { age: 20, tier: 'silver' })).toBe('else');
    expect(branch([{ id: 'hit', match: 'all', rules }], { age: 20, tier: 'gold' })).toBe('hit');
    expect(branch([{ id: 'hit', match: 'any', rules }], { age: 20, tier: 'silver' })).toBe('hit');
    expect(branch([{ id: 'hit', match: 'any', rules }], { age: 10, tier: 'silver' })).toBe('else');
  });

  it('evaluates a JSONata expression against the scope', () => {
    const cases = [{ id: 'big', expression: '$sum(vars.items.price) > 1000 and contact.name = "Ann"' }];
    expect(branch(cases, { items: [{ price: 600 }, { price: 500 }] }, { name: 'Ann' })).toBe('big');
    expect(branch(cases, { items: [{ price: 600 }] }, { name: 'Ann' })).toBe('else');
  });

  it('needs both the rules and the expression when a case has both', () => {
    const cases = [{ id: 'hit', rules: [{ var: 'vars.age', op: 'gte', value: 18 }], expression: 'vars.tier = "gold"' }];
    expect(branch(cases, { age: 20, tier: 'gold' })).toBe('hit');
    expect(branch(cases, { age: 20, tier: 'silver' })).toBe('else');
    expect(branch(cases, { age: 10, tier: 'gold' })).toBe('else');
  });

  it('treats an expression that fails at run time as false', () => {
    expect(branch([{ id: 'hit', expression: '$number("abc") > 1' }])).toBe('else');
  });

  it('takes the first case that holds, in order', () => {
    const cases = [
      { id: 'platinum', rules: [{ var: 'vars.spend', op: 'gte', value: 100000 }] },
      { id: 'gold', rules: [{ var: 'vars.spend', op: 'gte', value: 10000 }] },
      { id: 'any', rules: [{ var: 'vars.spend', op: 'exists' }] },
    ];
    expect(branch(cases, { spend: 250000 })).toBe('platinum');
    expect(branch(cases, { spend: '25000' })).toBe('gold');
    expect(branch(cases, { spend: 5 })).toBe('any');
    expect(branch(cases, {})).toBe('else');
  });

  it('passes straight through: the path shows the case taken', () => {
    const state = simulate(nodeFlow('condition', { cases: [{ id: 'yes', rules: [{ var: 'vars.x', op: 'exists' }] }] }), { vars: { x: 1 } }).state();
    expect(state.path).toEqual(['start', 'condition', 'end-yes']);
  });

  it('binds: a handle per case (label or id) plus else; match defaults to all', () => {
    const node = bindNode('condition', {
      cases: [{ id: 'vip', label: 'VIP customer', rules: [{ var: 'vars.tier', op: 'eq', value: 'gold' }] }, { id: 'minor', expression: 'vars.age < 18' }],
    });
    expect(node.handles()).toEqual([
      { id: 'vip', label: 'VIP customer', active: true },
      { id: 'minor', label: 'minor', active: true },
      { id: 'else', active: true },
    ]);
    expect(node.summary('en')).toBe('VIP customer · minor');
    expect(node.summary('th')).toBe('VIP customer · minor');
    expect(propsOf('condition', { cases: [{ id: 'a', expression: 'true' }] })).toEqual({ cases: [{ id: 'a', match: 'all', expression: 'true' }] });
  });
});
