import { describe, expect, it } from 'vitest';
import { evaluateExpression, expressionError, expressionReads } from './expression';

const NOW = Date.parse('2026-03-02T03:00:00Z');

describe('evaluateExpression', () => {
  it('evaluates against the scope', () => {
    expect(evaluateExpression('vars.age >= 18', { vars: { age: 20 } }, NOW)).toBe(true);
    expect(evaluateExpression('$sum(vars.items.price)', { vars: { items: [{ price: 2 }, { price: 3 }] } }, NOW)).toBe(5);
  });

  it('reads the journey clock, not the wall clock', () => {
    expect(evaluateExpression('$now()', {}, NOW)).toBe('2026-03-02T03:00:00.000Z');
    expect(evaluateExpression('$millis()', {}, NOW)).toBe(NOW);
  });

  it('answers plain JSON: sequences become plain arrays, functions are dropped', () => {
    const skus = evaluateExpression('vars.items.sku', { vars: { items: [{ sku: 'a' }, { sku: 'b' }] } }, NOW);
    expect(skus).toStrictEqual(['a', 'b']);
    expect(evaluateExpression('{ "list": vars.items.sku, "f": function($x) { $x } }', { vars: { items: [{ sku: 'a' }, { sku: 'b' }] } }, NOW)).toStrictEqual({
      list: ['a', 'b'],
    });
    expect(evaluateExpression('function($x) { $x }', {}, NOW)).toBeUndefined();
  });

  it('stops runaway recursion', () => {
    expect(() => evaluateExpression('($f := function($n) { $f($n + 1) }; $f(0))', {}, NOW)).toThrow();
  });
});

describe('expressionError and expressionReads', () => {
  it('reports a parse error with its position, and the paths an expression reads', () => {
    expect(expressionError('vars.age >=')).toMatch(/.+/);
    expect(expressionError('vars.age >= 18')).toBeUndefined();
    expect(expressionReads('vars.age >= 18 and contact.name = "x"')).toEqual([
      ['vars', 'age'],
      ['contact', 'name'],
    ]);
  });
});
