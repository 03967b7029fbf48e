// Import and export of flow documents as JSON files.
import type { Diagnostic, FlowDocument } from '@/flows';
import type { Database } from '../db/client';
import { invalidInput } from '../errors';
import { readFlowDocument, readStoredFlow } from './document';
import { createFlow, getFlow, type FlowWithDraft } from './flowStore';
import { validateAgainstPublished } from './library';
import { getVersion } from './publishing';

export interface ImportInput {
  /** The document: an object, or the text of a `.flow.json` file. */
  document: unknown;
  /** Import under another id or name than the file's. */
  id?: string;
  name?: string;
  /** Keep a document that has validation errors as a draft (it cannot be published until fixed). */
  allowErrors?: boolean;
}

/** Creates a flow from a document; nothing is written when the document is refused. */
export async function importFlow(
  db: Database,
  input: ImportInput,
  userId: string | null,
): Promise<FlowWithDraft & { diagnostics: Diagnostic[] }> {
  const parsed = readFlowDocument(input.document);
  const content: FlowDocument = { ...parsed, id: input.id ?? parsed.id, name: input.name ?? parsed.name };
  const diagnostics = await validateAgainstPublished(db, content);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && !input.allowErrors) {
    throw invalidInput(
      `The flow has ${errors.length} error${errors.length === 1 ? '' : 's'}. First: ${errors[0]?.message}. Fix the file, or import it as a draft with errors allowed.`,
      errors.map((d) => ({ path: d.path ?? (d.nodeId ? `node ${d.nodeId}` : ''), message: d.message, code: d.code })),
    );
  }
  const created = await createFlow(db, { id: content.id, name: content.name, content }, userId);
  return { ...created, diagnostics };
}

/** The document of a flow's draft, or of one of its versions. */
export async function exportFlow(db: Database, id: string, version?: number): Promise<FlowDocument> {
  if (version === undefined) return (await getFlow(db, id)).draft.content;
  return readStoredFlow((await getVersion(db, id, version)).content);
}
