import { describe, expect, it } from 'vitest';
import { deepEqual } from './deepEqual';
import { diffValues } from './diffValues';
import { matchById } from './matchById';

describe('diffValues', () => {
  it('finds nothing between deeply equal values, whatever their key order', () => {
    const value = { b: [1, { c: 'x', d: null }], a: { th: 'ก', en: 'a' } };
    expect(diffValues('data', value, structuredClone(value))).toEqual([]);
    expect(diffValues('data', value, { a: { en: 'a', th: 'ก' }, b: [1, { d: null, c: 'x' }] })).toEqual([]);
  });

  it('counts a key holding undefined as absent', () => {
    expect(diffValues('data', { a: 1, b: undefined }, { a: 1 })).toEqual([]);
  });

  it('walks nested objects in sorted key order, from the root when the path is empty', () => {
    expect(diffValues('', { z: 1, m: { b: 1, a: 1 } }, { z: 2, m: { b: 2, a: 2 }, c: true })).toEqual([
      { path: 'c', before: undefined, after: true },
      { path: 'm.a', before: 1, after: 2 },
      { path: 'm.b', before: 1, after: 2 },
      { path: 'z', before: 1, after: 2 },
    ]);
  });

  it('reports a change of kind as one change without walking into it', () => {
    expect(diffValues('data.x', { a: 1 }, [1])).toEqual([{ path: 'data.x', before: { a: 1 }, after: [1] }]);
    expect(diffValues('data.x', null, { a: 1 })).toEqual([{ path: 'data.x', before: null, after: { a: 1 } }]);
    expect(diffValues('data.x', '1', 1)).toEqual([{ path: 'data.x', before: '1', after: 1 }]);
  });

  it('compares arrays without ids by index, with undefined for the missing side', () => {
    expect(diffValues('keys', ['a', 'b', 'c'], ['a', 'c'])).toEqual([
      { path: 'keys[1]', before: 'b', after: 'c' },
      { path: 'keys[2]', before: 'c', after: undefined },
    ]);
    expect(diffValues('keys', [], ['1'])).toEqual([{ path: 'keys[0]', before: undefined, after: '1' }]);
    expect(diffValues('rows', [{ n: 1 }], [{ n: 2 }])).toEqual([{ path: 'rows[0].n', before: 1, after: 2 }]);
  });

  it('falls back to indexes when ids are repeated, missing or not strings', () => {
    const twice = [{ id: 'a', v: 1 }, { id: 'a', v: 2 }];
    expect(diffValues('o', twice, [{ id: 'a', v: 1 }, { id: 'a', v: 3 }])).toEqual([{ path: 'o[1].v', before: 2, after: 3 }]);
    expect(diffValues('o', [{ id: 'a' }, { v: 1 }], [{ id: 'a' }, { v: 2 }])).toEqual([{ path: 'o[1].v', before: 1, after: 2 }]);
    expect(diffValues('o', [{ id: 1, v: 1 }], [{ id: 1, v: 2 }])).toEqual([{ path: 'o[0].v', before: 1, after: 2 }]);
    expect(diffValues('o', [{ id: 'a' }], ['a'])).toEqual([{ path: 'o[0]', before: { id: 'a' }, after: 'a' }]);
  });

  it('matches items by id from and to an empty array', () => {
    expect(diffValues('o', [], [{ id: 'a' }])).toEqual([{ path: 'o[id=a]', before: undefined, after: { id: 'a' } }]);
    expect(diffValues('o', [{ id: 'a' }], [])).toEqual([{ path: 'o[id=a]', before: { id: 'a' }, after: undefined }]);
  });

  it('sees no reorder when only additions and removals move the other items', () => {
    const before = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(diffValues('o', before, [{ id: 'x' }, { id: 'a' }, { id: 'c' }])).toEqual([
      { path: 'o[id=x]', before: undefined, after: { id: 'x' } },
      { path: 'o[id=b]', before: { id: 'b' }, after: undefined },
    ]);
  });

  it('walks into items matched by id, including nested id arrays', () => {
    const before = [{ id: 'a', cases: [{ id: 'k', when: 1 }] }];
    const after = [{ id: 'a', cases: [{ id: 'k', when: 2 }] }];
    expect(diffValues('data.branches', before, after)).toEqual([
      { path: 'data.branches[id=a].cases[id=k].when', before: 1, after: 2 },
    ]);
  });
});

describe('deepEqual', () => {
  it('compares structure, not identity', () => {
    expect(deepEqual({ a: [1, { b: NaN }] }, { a: [1, { b: NaN }] })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
  });
});

describe('matchById', () => {
  it('pairs repeated ids by occurrence, never one item twice', () => {
    const b1 = { id: 'n', v: 1 };
    const b2 = { id: 'n', v: 2 };
    const a1 = { id: 'n', v: 3 };
    const other = { id: 'o', v: 0 };
    expect(matchById([b1, other, b2], [a1])).toEqual({ added: [], removed: [other, b2], pairs: [[b1, a1]] });
    expect(matchById([b1], [a1, b2])).toEqual({ added: [b2], removed: [], pairs: [[b1, a1]] });
  });
});
