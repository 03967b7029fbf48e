import { renderToStaticMarkup } from 'react-dom/server';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FlowDocument } from '@/flows';
import { controls, escapeHtml, stripTags, unnamedControls } from '../testing/markup';
import { VariablesPanel } from './VariablesPanel';

const flow = FlowDocument.parse({
  format: 'switchboard/flow@1',
  id: 'v',
  name: 'V',
  variables: { last4: { type: 'string', description: 'Last four digits' }, tries: { type: 'number', default: 0 } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask', type: 'collect', data: { prompt: 'Card?', variable: 'last4', kind: 'digits' } },
    { id: 'say', type: 'message', data: { text: 'Card {{ vars.last4 }}, tier {{ vars.tier }}' } },
  ],
});

const render = (readOnly: boolean, locale: 'en' | 'th' = 'en') =>
  renderToStaticMarkup(<VariablesPanel flow={flow} locale={locale} readOnly={readOnly} onChangeVariables={() => {}} onRenameVariable={() => {}} onSelect={() => {}} />);

describe('VariablesPanel', () => {
  it('shows each declared variable with its type, default, description and uses', () => {
    const html = render(false);
    expect(html).toMatch(/aria-label="Name of variable last4"[^>]*value="last4"|value="last4"[^>]*aria-label="Name of variable last4"/);
    expect(html).toMatch(/<option value="number" selected="">number<\/option>/);
    expect(html).toContain('value="0"');
    expect(html).toContain('value="Last four digits"');
    expect(html).toContain('aria-label="Go to ask (variable)"');
    expect(html).toContain('aria-label="Go to say (text)"');
    expect(stripTags(html)).toContain('No node uses it.');
    expect(unnamedControls(html)).toEqual([]);
  });

  it('lists variables used without a declaration, with a Declare button', () => {
    const html = render(false);
    const undeclared = html.indexOf('Used but not declared');
    expect(undeclared).toBeGreaterThan(-1);
    expect(html.indexOf('aria-label="Declare tier"')).toBeGreaterThan(undeclared);
    expect(html).not.toContain('aria-label="Declare last4"');
  });

  it('offers nothing to change when read-only', () => {
    const html = render(true);
    const editable = controls(html).filter((control) => control.tag !== 'button' && !control.disabled);
    expect(editable).toEqual([]);
    expect(html).not.toContain('Add variable');
    expect(html).not.toContain('Remove variable');
    expect(html).not.toContain('Declare tier');
    // Uses stay clickable: reading where a variable is used is not an edit.
    expect(html).toContain('aria-label="Go to say (text)"');
  });

  it('renders an example flow in Thai', () => {
    const example = FlowDocument.parse(JSON.parse(readFileSync('flows/examples/lost-card.flow.json', 'utf8')));
    const html = renderToStaticMarkup(<VariablesPanel flow={example} locale="th" readOnly={false} onChangeVariables={() => {}} onRenameVariable={() => {}} onSelect={() => {}} />);
    expect(html).toContain(escapeHtml('ชื่อของตัวแปร last4'));
    expect(html).toContain('กำหนดค่าโดย');
    expect(html).toContain('อ่านโดย');
    expect(unnamedControls(html)).toEqual([]);
  });

  it('has an empty state', () => {
    const empty = FlowDocument.parse({ format: 'switchboard/flow@1', id: 'e', name: 'E', nodes: [{ id: 'start', type: 'start', data: {} }] });
    const html = renderToStaticMarkup(<VariablesPanel flow={empty} locale="en" readOnly={false} onChangeVariables={() => {}} onRenameVariable={() => {}} onSelect={() => {}} />);
    expect(html).toContain('No variables declared yet.');
  });
});
