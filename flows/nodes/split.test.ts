import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile';
import { contactKey } from './split';
import { bindNode, nodeFlow, simulate } from './testkit';

const AB = { branches: [{ id: 'a', percent: 20 }, { id: 'b', percent: 30 }, { id: 'c', percent: 50 }] };
// Compiled once: a thousand simulations of the same flow share its machine.
const compiled = compileOnce(nodeFlow('split', AB));

function compileOnce(flow: unknown) {
  const result = compileFlow(flow);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.flow;
}

function branchOf(contact: Record<string, unknown>, conversationId = 'c1', flow: unknown = compiled): string | null {
  return simulate(flow, { contact, conversationId }).state().outcome;
}

const phone = (i: number) => `+6681${String(i).padStart(7, '0')}`;

describe('split node', () => {
  it('sends each share of 1000 contacts down its branch, within a tolerance', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const branch = branchOf({ phone: phone(i) }) ?? 'none';
      counts[branch] = (counts[branch] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['a', 'b', 'c']);
    expect(counts.a).toBeGreaterThan(200 - 50);
    expect(counts.a).toBeLessThan(200 + 50);
    expect(counts.b).toBeGreaterThan(300 - 50);
    expect(counts.b).toBeLessThan(300 + 50);
    expect(counts.c).toBeGreaterThan(500 - 50);
    expect(counts.c).toBeLessThan(500 + 50);
  });

  it('is sticky: the same contact takes the same branch in every conversation', () => {
    for (let i = 0; i < 50; i++) {
      const first = branchOf({ phone: phone(i) }, 'conv-1');
      expect(branchOf({ phone: phone(i) }, 'conv-2')).toBe(first);
      expect(branchOf({ phone: phone(i), name: 'changed name' }, 'conv-3')).toBe(first);
    }
  });

  it('keys on the contact id first, then phone, email, LINE id, else the conversation', () => {
    expect(contactKey({ id: 'k1', phone: '+1', email: 'a@b.c' }, 'c')).toBe('k1');
    expect(contactKey({ phone: '+1', email: 'a@b.c' }, 'c')).toBe('+1');
    expect(contactKey({ email: 'a@b.c', lineUserId: 'U1' }, 'c')).toBe('a@b.c');
    expect(contactKey({ lineUserId: 'U1' }, 'c')).toBe('U1');
    expect(contactKey({}, 'c')).toBe('conversation:c');
    const byId = branchOf({ id: 'contact-9', phone: phone(1) });
    expect(branchOf({ id: 'contact-9', phone: phone(2) })).toBe(byId);
  });

  it('never takes a 0% branch and always takes a 100% one', () => {
    const flow = compileOnce(nodeFlow('split', { branches: [{ id: 'off', percent: 0 }, { id: 'on', percent: 100 }] }));
    for (let i = 0; i < 200; i++) expect(branchOf({ phone: phone(i) }, 'c', flow)).toBe('on');
  });

  it('spreads fractional percentages without leaving a gap', () => {
    const flow = compileOnce(
      nodeFlow('split', { branches: [{ id: 'x', percent: 33.3 }, { id: 'y', percent: 33.3 }, { id: 'z', percent: 33.4 }] }),
    );
    const seen = new Set<string | null>();
    for (let i = 0; i < 300; i++) seen.add(branchOf({ phone: phone(i) }, 'c', flow));
    expect([...seen].sort()).toEqual(['x', 'y', 'z']);
  });

  it('buckets each split node on its own: two nodes do not always agree', () => {
    const flow = (id: string) => compileOnce(nodeFlow('split', { branches: [{ id: 'a', percent: 50 }, { id: 'b', percent: 50 }] }, { id }));
    const one = flow('flow-one');
    const two = flow('flow-two');
    let differ = 0;
    for (let i = 0; i < 200; i++) if (branchOf({ phone: phone(i) }, 'c', one) !== branchOf({ phone: phone(i) }, 'c', two)) differ++;
    expect(differ).toBeGreaterThan(50);
  });

  it('binds: a handle per branch, inactive at 0%; summary with percentages', () => {
    const node = bindNode('split', { branches: [{ id: 'a', percent: 100 }, { id: 'b', percent: 0 }] });
    expect(node.handles()).toEqual([
      { id: 'a', label: 'a 100%', active: true },
      { id: 'b', label: 'b 0%', active: false },
    ]);
    expect(node.summary('en')).toBe('a 100% · b 0%');
    expect(node.summary('th')).toBe('a 100% · b 0%');
  });
});
