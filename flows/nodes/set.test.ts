import { describe, expect, it } from 'vitest';
import { bindNode, nodeFlow, simulate, type FlowOptions } from './testkit';

type Assignment = { variable: string; value?: unknown; expression?: string };

/** The variables after a set node ran with these assignments. */
function assign(assignments: Assignment[], options: FlowOptions & { vars?: Record<string, unknown>; contact?: Record<string, unknown> } = {}) {
  const { vars, contact, ...flowOptions } = options;
  const state = simulate(nodeFlow('set', { assign: assignments }, flowOptions), { vars: vars ?? {}, contact: contact ?? {}, channel: 'sms' }).state();
  expect(state.outcome).toBe('next');
  return { vars: state.vars, warnings: state.warnings };
}

describe('set node', () => {
  it('assigns literals: text, numbers and booleans keep their type', () => {
    const { vars } = assign([
      { variable: 'name', value: 'Ann' },
      { variable: 'count', value: 3 },
      { variable: 'vip', value: true },
    ]);
    expect(vars).toEqual({ name: 'Ann', count: 3, vip: true });
  });

  it('renders templates against the scope', () => {
    const { vars } = assign([{ variable: 'greeting', value: 'Hi {{ contact.name }} on {{ channel }}' }], { contact: { name: 'Somchai' } });
    expect(vars.greeting).toBe('Hi Somchai on sms');
  });

  it('evaluates JSONata expressions into numbers, lists and objects', () => {
    const { vars } = assign(
      [
        { variable: 'total', expression: 'vars.price * 1.07' },
        { variable: 'skus', expression: 'vars.items.sku' },
        { variable: 'order', expression: '{ "id": vars.id, "count": $count(vars.items) }' },
        { variable: 'nowIso', expression: '$now()' },
      ],
      { vars: { price: 100, id: 'A1', items: [{ sku: 'x' }, { sku: 'y' }] } },
    );
    expect(vars.total).toBeCloseTo(107);
    expect(vars.skus).toEqual(['x', 'y']);
    expect(vars.order).toEqual({ id: 'A1', count: 2 });
    // $now() reads the journey's (virtual) clock.
    expect(vars.nowIso).toBe('2026-03-02T03:00:00.000Z');
  });

  it('applies assignments in order: a later one sees an earlier one', () => {
    const { vars } = assign([
      { variable: 'a', value: 2 },
      { variable: 'b', expression: 'vars.a * 10' },
      { variable: 'c', value: '{{ vars.b }}!' },
    ]);
    expect(vars).toMatchObject({ a: 2, b: 20, c: '20!' });
  });

  it('coerces a rendered template to the declared variable type', () => {
    const { vars } = assign(
      [
        { variable: 'age', value: '{{ vars.raw }}' },
        { variable: 'ok', value: '{{ vars.flag }}' },
        { variable: 'label', value: '{{ vars.raw }}' },
        { variable: 'odd', value: 'not a number' },
      ],
      {
        variables: { age: { type: 'number' }, ok: { type: 'boolean' }, label: { type: 'string' }, odd: { type: 'number' }, raw: {}, flag: {} },
        vars: { raw: '42', flag: 'true' },
      },
    );
    expect(vars).toMatchObject({ age: 42, ok: true, label: '42', odd: 'not a number' });
  });

  it('coerces a number or boolean to text for a variable declared string', () => {
    const { vars } = assign(
      [
        { variable: 'code', value: 1234 },
        { variable: 'flag', value: false },
        { variable: 'sum', expression: '1 + 2' },
      ],
      { variables: { code: { type: 'string' }, flag: { type: 'string' }, sum: { type: 'string' } } },
    );
    expect(vars).toMatchObject({ code: '1234', flag: 'false', sum: '3' });
  });

  it('accepts the vars. prefix on the variable name', () => {
    expect(assign([{ variable: 'vars.tier', value: 'gold' }]).vars).toEqual({ tier: 'gold' });
  });

  it('survives an expression that fails at run time: a warning, the variable untouched, the flow goes on', () => {
    const { vars, warnings } = assign(
      [
        { variable: 'bad', expression: '$error("boom")' },
        { variable: 'good', value: 1 },
      ],
      { vars: { bad: 'before' } },
    );
    expect(vars).toMatchObject({ bad: 'before', good: 1 });
    expect(warnings).toEqual([expect.stringContaining('could not set bad')]);
  });

  it('binds: one next handle; the summary lists the variables', () => {
    const node = bindNode('set', { assign: [{ variable: 'vars.a', value: 1 }, { variable: 'b', expression: '2' }] });
    expect(node.handles()).toEqual([{ id: 'next', active: true }]);
    expect(node.summary('en')).toBe('a · b');
    expect(node.summary('th')).toBe('a · b');
  });
});

describe('set node: a template that is one {{ path }}', () => {
  it('keeps the value as it is (a list stays a list, a number a number)', () => {
    const { vars } = assign(
      [
        { variable: 'items', value: '{{ vars.order.items }}' },
        { variable: 'total', value: '{{ vars.order.total }}' },
        { variable: 'label', value: 'Total: {{ vars.order.total }}' },
        { variable: 'missing', value: '{{ vars.nothing }}' },
      ],
      { vars: { order: { items: [{ sku: 'x' }], total: 42 } } },
    );
    expect(vars.items).toEqual([{ sku: 'x' }]);
    expect(vars.total).toBe(42);
    expect(vars.label).toBe('Total: 42');
    expect(vars.missing).toBe('');
  });
});
