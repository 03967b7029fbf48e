import { FlowDocument, upgradeFlow } from '@/flows';

/**
 * A stored version's content as a document. Versions were valid when published; an older
 * format is upgraded first, as the server does when it reads them.
 */
export function readVersionDocument(content: unknown): FlowDocument {
  const upgraded = upgradeFlow(content);
  if (!upgraded.ok) throw new Error(`the version cannot be read: ${upgraded.message}`);
  return FlowDocument.parse(upgraded.doc);
}
