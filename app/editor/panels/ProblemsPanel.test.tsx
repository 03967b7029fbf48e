import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlowDocument, validateFlow, type Diagnostic } from '@/flows';
import { diagnostic } from '@/flows/validate/diagnostics';
import { escapeHtml, stripTags, unnamedControls } from '../testing/markup';
import { ProblemsPanel } from './ProblemsPanel';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'p',
  name: 'P',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'message', data: { text: 'Hi {{ vars.who }}' } },
    { id: 'lost', type: 'end', data: {} },
    { id: 'wait', type: 'wait', data: { mode: 'duration', duration: 'soon' } },
  ],
  edges: [
    { source: 'start', target: 'ask' },
    { source: 'ask', target: 'wait' },
  ],
});
const diagnostics = validateFlow(flow);

// The element tree a hook-free component returns, with hook-free child components expanded:
// enough to find a button and press it without a DOM.
function expand(node: unknown): ReactElement[] {
  if (Array.isArray(node)) return node.flatMap(expand);
  if (typeof node !== 'object' || node === null || !isValidElement<{ children?: ReactNode }>(node)) return [];
  if (typeof node.type === 'function') return expand(Reflect.apply(node.type, undefined, [node.props]));
  return [node, ...expand(node.props.children)];
}

function buttons(tree: ReactNode): ReactElement<{ 'aria-label'?: string; onClick?: () => void }>[] {
  return expand(tree).filter((element): element is ReactElement<{ 'aria-label'?: string; onClick?: () => void }> => element.type === 'button');
}

describe('ProblemsPanel', () => {
  it('lists errors first, then warnings, each with its node, localized message and code', () => {
    expect(diagnostics.map((diag) => diag.severity)).toContain('warning');
    const html = renderToStaticMarkup(<ProblemsPanel flow={flow} diagnostics={diagnostics} locale="en" onSelect={() => {}} />);
    const errorsAt = html.indexOf('Errors (');
    const warningsAt = html.indexOf('Warnings (');
    expect(errorsAt).toBeGreaterThan(-1);
    expect(warningsAt).toBeGreaterThan(errorsAt);
    const unreachable = html.indexOf(escapeHtml('node "lost" cannot be reached from the start node'));
    const undeclared = html.indexOf(escapeHtml('variable "who" is read here but never declared or set'));
    expect(unreachable).toBeGreaterThan(errorsAt);
    expect(unreachable).toBeLessThan(warningsAt);
    expect(undeclared).toBeGreaterThan(warningsAt);
    expect(stripTags(html)).toContain('invalid-duration');
    expect(stripTags(html)).toContain('unreachable-node');
    expect(html).toContain(`Errors (${diagnostics.filter((diag) => diag.severity === 'error').length})`);
    expect(unnamedControls(html)).toEqual([]);
  });

  it('shows messages in Thai', () => {
    const html = renderToStaticMarkup(<ProblemsPanel flow={flow} diagnostics={diagnostics} locale="th" onSelect={() => {}} />);
    expect(html).toContain(escapeHtml('ไม่สามารถไปถึงโหนด "lost" จากโหนดเริ่มต้นได้'));
    expect(html).toContain('ข้อผิดพลาด (');
  });

  it('selects the node (or the edge) of a problem when it is pressed', () => {
    const selected: { nodeId?: string; edgeId?: string }[] = [];
    const onEdge: Diagnostic = diagnostic('unknown-node', { edge: 'e9', node: 'nowhere' }, { edgeId: 'e9', path: 'edges[0]' });
    const tree = ProblemsPanel({ flow, diagnostics: [...diagnostics, onEdge], locale: 'en', onSelect: (target) => selected.push(target) });
    const found = buttons(tree);
    found.find((button) => button.props['aria-label']?.startsWith('Show lost:'))?.props.onClick?.();
    found.find((button) => button.props['aria-label']?.startsWith('Show Edge e9:'))?.props.onClick?.();
    expect(selected).toEqual([{ nodeId: 'lost' }, { edgeId: 'e9' }]);
  });

  it('shows a problem of the whole flow without a button', () => {
    const html = renderToStaticMarkup(<ProblemsPanel flow={flow} diagnostics={[diagnostic('missing-start', {}, { path: 'nodes' })]} locale="en" onSelect={() => {}} />);
    expect(html).toContain('the flow has no start node');
    expect(html).not.toContain('<button');
  });

  it('has an empty state', () => {
    const html = renderToStaticMarkup(<ProblemsPanel flow={flow} diagnostics={[]} locale="en" onSelect={() => {}} />);
    expect(html).toContain('No problems found');
  });
});
