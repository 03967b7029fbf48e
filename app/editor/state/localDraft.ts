// Unsaved edits kept in the browser (localStorage), so a failed save, a conflict or a closed
// tab loses nothing. Each entry names the server revision the edits started from.
import { z } from 'zod';
import { FlowDocument } from '@/flows';

/** The part of the Web Storage API we use (localStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const LocalDraft = z.object({ revision: z.number().int(), content: FlowDocument, savedAt: z.string() });
export type LocalDraft = z.infer<typeof LocalDraft>;

export function localDraftKey(flowId: string): string {
  return `switchboard:draft:${flowId}`;
}

export function readLocalDraft(store: KeyValueStore | undefined, flowId: string): LocalDraft | undefined {
  try {
    const raw = store?.getItem(localDraftKey(flowId));
    if (!raw) return undefined;
    const parsed = LocalDraft.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeLocalDraft(store: KeyValueStore | undefined, flowId: string, revision: number, content: FlowDocument): void {
  try {
    store?.setItem(localDraftKey(flowId), JSON.stringify({ revision, content, savedAt: new Date().toISOString() }));
  } catch {
    // A full or disabled storage only loses the safety copy; the server save goes on.
  }
}

export function clearLocalDraft(store: KeyValueStore | undefined, flowId: string): void {
  try {
    store?.removeItem(localDraftKey(flowId));
  } catch {
    // Nothing to do: see writeLocalDraft.
  }
}

export type Recovery =
  | { kind: 'none' }
  /** Unsaved edits made on top of what the server still has: carry on and save them. */
  | { kind: 'resume'; content: FlowDocument }
  /** Edits made on an older revision: someone saved since, so it is a conflict. */
  | { kind: 'conflict'; content: FlowDocument };

/** What to do with a local copy when the editor opens on the server's draft. */
export function recoverLocalDraft(local: LocalDraft | undefined, server: { revision: number; content: FlowDocument }): Recovery {
  if (!local || local.content.id !== server.content.id) return { kind: 'none' };
  if (JSON.stringify(local.content) === JSON.stringify(server.content)) return { kind: 'none' };
  return local.revision === server.revision ? { kind: 'resume', content: local.content } : { kind: 'conflict', content: local.content };
}
