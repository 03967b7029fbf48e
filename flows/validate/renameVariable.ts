import type { FlowDocument } from '../schema/flow';

/**
 * Renames a flow variable everywhere it is named: its declaration (keeping its place), the
 * fields that write it (`variable`, a subflow's `output` keys) and every reference `vars.<name>`
 * in templates, rules and expressions. Other text is left alone: `vars.amountDue` does not
 * change when `amount` is renamed.
 *
 * @example renameVariableInFlow(flow, 'last4', 'cardDigits')
 */
export function renameVariableInFlow(flow: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to || !(from in flow.variables)) return flow;
  const variables = Object.fromEntries(Object.entries(flow.variables).map(([name, declaration]) => [name === from ? to : name, declaration]));
  const reference = new RegExp(`(?<![A-Za-z0-9_$.])vars\\.${escapeRegExp(from)}(?![A-Za-z0-9_])`, 'g');
  const rename = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key === 'variable' && value === from ? to : value.replace(reference, `vars.${to}`);
    if (Array.isArray(value)) return value.map((item) => rename(item));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [key === 'output' && name === from ? to : name, rename(inner, name)]),
    );
  };
  const nodes = flow.nodes.map((node) => {
    const data = rename(node.data);
    return isRecord(data) ? { ...node, data } : node;
  });
  return { ...flow, variables, nodes };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
