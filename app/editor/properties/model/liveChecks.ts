// The checks of one node's fields, run on its data as it is now. The canvas validates the whole
// draft, perhaps a moment later; field-local problems (a broken template, a bad duration) are
// re-checked here so they appear, and disappear, as the designer types.
import { validateFlow, type Diagnostic, type FlowDocument } from '@/flows';
import { dataKeys } from './errors';

// Codes whose verdict depends only on the node's own data.
const FIELD_CODES: ReadonlySet<Diagnostic['code']> = new Set<Diagnostic['code']>([
  'invalid-template',
  'invalid-regex',
  'invalid-duration',
  'invalid-timezone',
  'invalid-expression',
  'duplicate-key',
  'duplicate-id',
  'split-total',
]);

/**
 * The node's diagnostics with the field-local ones replaced by a fresh check of `data`; the
 * rest (reachability, undeclared variables, subflows) are kept as the canvas gave them.
 *
 * @example freshDiagnostics(flow, 'menu', data, canvasDiagnostics)
 */
export function freshDiagnostics(
  flow: Pick<FlowDocument, 'id' | 'name' | 'locale' | 'variables'>,
  node: { id: string; type: string },
  data: Record<string, unknown>,
  given: readonly Diagnostic[],
): Diagnostic[] {
  const alone = {
    format: 'switchboard/flow@1',
    id: flow.id,
    name: flow.name,
    locale: flow.locale,
    variables: flow.variables,
    nodes: [{ id: node.id, type: node.type, position: { x: 0, y: 0 }, data }],
    edges: [],
  };
  const isFieldLocal = (diag: Diagnostic) => FIELD_CODES.has(diag.code) && dataKeys(diag.path).length > 0;
  const live = validateFlow(alone).filter(isFieldLocal);
  return [...given.filter((diag) => !isFieldLocal(diag)), ...live];
}
