import { describe, expect, it } from 'vitest';
import { clearLocalDraft, readLocalDraft, recoverLocalDraft, writeLocalDraft, type KeyValueStore } from './localDraft';
import { sampleFlow } from './testDocs';

/** localStorage's contract over a Map (vitest runs in Node, which has no localStorage). */
function memoryStore(): KeyValueStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

describe('local draft', () => {
  it('keeps a draft per flow with its base revision, and clears it', () => {
    const store = memoryStore();
    writeLocalDraft(store, 'sample', 4, sampleFlow());
    expect(readLocalDraft(store, 'sample')).toMatchObject({ revision: 4, content: { id: 'sample' } });
    expect(readLocalDraft(store, 'other')).toBeUndefined();
    clearLocalDraft(store, 'sample');
    expect(readLocalDraft(store, 'sample')).toBeUndefined();
  });

  it('ignores garbage in storage', () => {
    const store = memoryStore();
    store.setItem('switchboard:draft:sample', '{not json');
    expect(readLocalDraft(store, 'sample')).toBeUndefined();
    store.setItem('switchboard:draft:sample', JSON.stringify({ revision: 'x' }));
    expect(readLocalDraft(store, 'sample')).toBeUndefined();
  });

  it('resumes edits made on the current revision and reports a conflict on an older one', () => {
    const server = { revision: 3, content: sampleFlow() };
    const edited = { ...sampleFlow(), name: 'Edited' };
    const local = (revision: number, content = edited) => ({ revision, content, savedAt: '' });
    expect(recoverLocalDraft(undefined, server).kind).toBe('none');
    expect(recoverLocalDraft(local(3, sampleFlow()), server).kind).toBe('none');
    expect(recoverLocalDraft(local(3), server)).toEqual({ kind: 'resume', content: edited });
    expect(recoverLocalDraft(local(2), server)).toEqual({ kind: 'conflict', content: edited });
  });
});
