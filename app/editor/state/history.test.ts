import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, commit, createHistory, mapAll, preview, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    let h = commit(commit(createHistory(1), 2), 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch on a new edit', () => {
    const h = commit(undo(commit(createHistory(1), 2)), 5);
    expect(h.future).toEqual([]);
    expect(undo(h).present).toBe(1);
  });

  it('merges consecutive edits with the same key into one step', () => {
    let h = commit(createHistory('a'), 'ab', 'field');
    h = commit(h, 'abc', 'field');
    h = commit(h, 'abcd', 'other');
    expect(undo(h).present).toBe('abc');
    expect(undo(undo(h)).present).toBe('a');
  });

  it('records a drag as one step from where it began', () => {
    let h = preview(preview(createHistory(0), 1), 2);
    expect(h.present).toBe(2);
    h = commit(h, 3);
    expect(h.past).toEqual([0]);
    expect(undo(h).present).toBe(0);
  });

  it('undoes a drag that never reported its end', () => {
    const h = preview(createHistory(0), 7);
    expect(canUndo(h)).toBe(true);
    expect(undo(h).present).toBe(0);
  });

  it('applies a change to every step', () => {
    const h = mapAll(undo(commit(createHistory(1), 2)), (n) => n * 10);
    expect([h.present, ...h.future]).toEqual([10, 20]);
  });
});
