// Undo/redo over immutable snapshots. Consecutive edits with the same coalescing key (typing
// into one field) make one step; a drag shows every intermediate position but records one step.

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** The key of the last committed edit, while further edits with it are merged into it. */
  readonly coalesceKey: string | null;
  /** The state before a transient change (a drag in progress), committed as one step at its end. */
  readonly transientBase: T | null;
}

/** Steps kept; older ones are dropped so a long session does not grow without bound. */
export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], coalesceKey: null, transientBase: null };
}

/** Records an edit. With a key equal to the previous edit's, it replaces that step instead. */
export function commit<T>(history: History<T>, next: T, coalesceKey: string | null = null): History<T> {
  if (next === history.present && history.transientBase === null) return history;
  const base = history.transientBase ?? history.present;
  if (coalesceKey !== null && coalesceKey === history.coalesceKey && history.transientBase === null) {
    return { ...history, present: next, future: [] };
  }
  return { past: [...history.past, base].slice(-HISTORY_LIMIT), present: next, future: [], coalesceKey, transientBase: null };
}

/** Shows a state without recording it (a drag in progress); `commit` later records one step from before it. */
export function preview<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next, transientBase: history.transientBase ?? history.present, coalesceKey: null };
}

export function undo<T>(history: History<T>): History<T> {
  const settled = settle(history);
  const previous = settled.past.at(-1);
  if (previous === undefined) return settled;
  return {
    past: settled.past.slice(0, -1),
    present: previous,
    future: [settled.present, ...settled.future],
    coalesceKey: null,
    transientBase: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const settled = settle(history);
  const [next, ...rest] = settled.future;
  if (next === undefined) return settled;
  return { past: [...settled.past, settled.present], present: next, future: rest, coalesceKey: null, transientBase: null };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0 || history.transientBase !== null;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

/** Applies a change to every state, past and future too (e.g. a rename done on the server). */
export function mapAll<T>(history: History<T>, change: (state: T) => T): History<T> {
  return {
    past: history.past.map(change),
    present: change(history.present),
    future: history.future.map(change),
    coalesceKey: history.coalesceKey,
    transientBase: history.transientBase === null ? null : change(history.transientBase),
  };
}

/** A transient change still open becomes a step of its own. */
function settle<T>(history: History<T>): History<T> {
  return history.transientBase === null ? history : commit(history, history.present);
}
