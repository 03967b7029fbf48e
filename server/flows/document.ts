// Reading flow documents that arrive from outside (saves, imports): upgraded to the current
// format and checked against the document schema, or refused with issues a person can act on.
import { FLOW_FORMAT, FlowDocument, upgradeFlow } from '@/flows';
import { issuesToDiagnostics } from '@/flows/validate/analyze';
import { invalidInput } from '../errors';

/** Parses a flow document (an object, or JSON text); throws a UserError listing the problems. */
export function readFlowDocument(raw: unknown): FlowDocument {
  const json = typeof raw === 'string' ? parseJsonText(raw) : raw;
  const upgraded = upgradeFlow(json);
  if (!upgraded.ok) throw invalidInput(`This is not a flow document: ${upgraded.message}.`, [{ path: 'format', message: upgraded.message }]);
  const parsed = FlowDocument.safeParse(upgraded.doc);
  if (parsed.success) return parsed.data;
  const issues = issuesToDiagnostics(parsed.error.issues, [], upgraded.doc).map((d) => ({
    path: d.path ?? '',
    message: d.message,
  }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  throw invalidInput(`The flow document is not valid: ${first?.message ?? 'unknown problem'}${more}.`, issues);
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidInput(`The file is not valid JSON: ${detail}. Export the flow again or fix the file.`, [
      { path: '', message: detail },
    ]);
  }
}

/**
 * A document read back from the database. Every stored document went through
 * `readFlowDocument` on its way in, so one in the current format is returned as it is (a full
 * parse of a 1,000-node flow costs more than the query); an older format is upgraded and parsed.
 */
export function readStoredFlow(stored: unknown): FlowDocument {
  return isCurrentFlow(stored) ? stored : readFlowDocument(stored);
}

function isCurrentFlow(value: unknown): value is FlowDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    'format' in value &&
    value.format === FLOW_FORMAT &&
    'nodes' in value &&
    Array.isArray(value.nodes) &&
    'edges' in value &&
    Array.isArray(value.edges)
  );
}
