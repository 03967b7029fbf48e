'use client';
// Autosave of the draft: debounced after the last edit, with the revision the editor holds.
// A conflict (someone saved since) stops saving and keeps the edits on screen and in
// localStorage until the designer keeps theirs or loads the other one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FlowDocument } from '@/flows';
import { apiError } from '@/app/lib/apiError';
import { useTRPCClient } from '@/app/lib/trpc';
import { clearLocalDraft, writeLocalDraft } from '../state/localDraft';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

/** Quiet time after the last edit before saving. */
export const AUTOSAVE_DELAY_MS = 800;

interface AutosaveOptions {
  flowId: string;
  doc: FlowDocument;
  /** The revision of the server draft the editor opened on. */
  revision: number;
  /** The document known to be on the server at `revision`. */
  savedDoc: FlowDocument;
  enabled: boolean;
  /** Replaces the editor's document (loading theirs). */
  onReplace(doc: FlowDocument): void;
}

export interface Autosave {
  status: SaveStatus;
  /** Saves at once; resolves with the revision on the server (throws when it fails). */
  saveNow(): Promise<number>;
  retry(): void;
  keepMine(): Promise<void>;
  loadTheirs(): Promise<void>;
  /** Something else changed the server draft with our blessing (rename, rollback). */
  adopt(revision: number, doc: FlowDocument): void;
  revision(): number;
  /** Local edits were made on an older revision: hold saving until the designer chooses. */
  markConflict(): void;
}

export function useAutosave({ flowId, doc, revision, savedDoc, enabled, onReplace }: AutosaveOptions): Autosave {
  const client = useTRPCClient();
  const [status, setStatus] = useState<SaveStatus>('saved');
  const revisionRef = useRef(revision);
  const savedRef = useRef(savedDoc);
  const docRef = useRef(doc);
  const statusRef = useRef(status);
  const inFlight = useRef<Promise<number> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rescheduled = useRef<(() => void) | null>(null);

  const update = useCallback((next: SaveStatus) => {
    statusRef.current = next;
    setStatus(next);
  }, []);

  const save = useCallback(async (): Promise<number> => {
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    const content = docRef.current;
    if (content === savedRef.current) return revisionRef.current;
    // Edits made while this save runs schedule their own save, which waits for this one.
    update('saving');
    const attempt = client.flows.saveDraft
      .mutate({ id: flowId, revision: revisionRef.current, content })
      .then((result) => {
        revisionRef.current = result.revision;
        savedRef.current = content;
        if (docRef.current === content) {
          clearLocalDraft(storage(), flowId);
          update('saved');
        } else {
          // Edits made while saving: their timer may have fired already, so save them again.
          update('unsaved');
          rescheduled.current?.();
        }
        return result.revision;
      })
      .catch((error: unknown) => {
        update(apiError(error).code === 'CONFLICT' ? 'conflict' : 'failed');
        throw error;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [client, flowId, update]);

  /** Saves after the quiet time; the safety copy is written then too, not on every drag frame. */
  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      writeLocalDraft(storage(), flowId, revisionRef.current, docRef.current);
      if (statusRef.current !== 'conflict') void save().catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
  }, [flowId, save]);
  useEffect(() => {
    rescheduled.current = schedule;
  }, [schedule]);

  useEffect(() => {
    docRef.current = doc;
    if (!enabled) return;
    if (doc === savedRef.current) {
      // Undone back to what the server has: nothing left to save.
      if (statusRef.current === 'unsaved') {
        clearLocalDraft(storage(), flowId);
        update('saved');
      }
      return;
    }
    if (statusRef.current === 'saved' || statusRef.current === 'failed') update('unsaved');
    schedule();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [doc, enabled, flowId, schedule, update]);

  useEffect(() => {
    if (!enabled) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (statusRef.current === 'saved') return;
      writeLocalDraft(storage(), flowId, revisionRef.current, docRef.current);
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled, flowId]);

  const markConflict = useCallback(() => update('conflict'), [update]);
  const serverDraft = useCallback(() => client.flows.get.query({ id: flowId }), [client, flowId]);

  return {
    status,
    saveNow: save,
    retry: () => void save().catch(() => undefined),
    keepMine: async () => {
      const server = await serverDraft();
      revisionRef.current = server.draft.revision;
      savedRef.current = server.draft.content;
      update('unsaved');
      await save();
    },
    loadTheirs: async () => {
      const server = await serverDraft();
      revisionRef.current = server.draft.revision;
      savedRef.current = server.draft.content;
      docRef.current = server.draft.content;
      clearLocalDraft(storage(), flowId);
      update('saved');
      onReplace(server.draft.content);
    },
    adopt: (nextRevision, nextDoc) => {
      revisionRef.current = nextRevision;
      savedRef.current = nextDoc;
      docRef.current = nextDoc;
      if (statusRef.current !== 'conflict') update('saved');
    },
    revision: () => revisionRef.current,
    markConflict,
  };
}

function storage(): Storage | undefined {
  return typeof window === 'undefined' ? undefined : window.localStorage;
}
