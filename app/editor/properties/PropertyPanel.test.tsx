import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FlowDocument, NODE_TYPES, nodeType, validateFlow, type Diagnostic } from '@/flows';
import type { Locale } from '@/app/i18n/messages';
import { controls, escapeHtml, fieldPathAround, nameTexts, unnamedControls } from '../testing/markup';
import { renderWithProviders } from '../testing/renderWithProviders';
import { nodeForm } from './model/formModel';
import { PropertyPanel } from './PropertyPanel';

function flowWith(nodes: { id: string; type: string; data: unknown }[], extra: Record<string, unknown> = {}): FlowDocument {
  return FlowDocument.parse({ format: 'switchboard/flow@1', id: 'test', name: 'Test', locale: 'th-TH', variables: { last4: { type: 'string' } }, nodes, ...extra });
}

function render(flow: FlowDocument, nodeId: string, options: { locale?: Locale; readOnly?: boolean; diagnostics?: Diagnostic[] } = {}): string {
  const diagnostics = options.diagnostics ?? validateFlow(flow).filter((diag) => diag.nodeId === nodeId);
  return renderWithProviders(
    <PropertyPanel flow={flow} nodeId={nodeId} diagnostics={diagnostics} locale={options.locale ?? 'en'} readOnly={options.readOnly ?? false} onChangeData={() => {}} />,
    { flows: [{ id: 'verify-identity', name: 'Verify identity' }, { id: 'lost-card', name: 'Lost card' }] },
  );
}

// Every top-level field has its row and its label, named by the catalog in this locale.
function expectEveryFieldLabelled(html: string, type: string, locale: Locale): void {
  const labels = nameTexts(html);
  for (const field of nodeForm(nodeType(type)!, locale)) {
    expect(html, `${type}.${field.key}`).toContain(`data-field-path="${field.key}"`);
    expect(labels.some((label) => label.startsWith(field.label)), `${type}.${field.key} label`).toBe(true);
  }
  expect(unnamedControls(html), `${type}: controls without a name`).toEqual([]);
}

describe('PropertyPanel for every node type', () => {
  for (const type of NODE_TYPES) {
    for (const locale of ['en', 'th'] as const) {
      it(`renders ${type.type}'s defaults in ${locale}, every field labelled`, () => {
        const flow = flowWith([{ id: 'n', type: type.type, data: type.defaults }]);
        const html = render(flow, 'n', { locale, diagnostics: [] });
        expect(html).toContain(escapeHtml(type.texts[locale].label));
        expect(html).toContain(escapeHtml(type.texts[locale].help));
        expectEveryFieldLabelled(html, type.type, locale);
      });
    }

    it(`disables every input of ${type.type} when read-only`, () => {
      const flow = flowWith([{ id: 'n', type: type.type, data: type.defaults }]);
      const html = render(flow, 'n', { readOnly: true, diagnostics: [] });
      const enabled = controls(html).filter((control) => control.tag !== 'button' && !control.disabled);
      expect(enabled.map((control) => control.html)).toEqual([]);
      // Only viewing controls stay (locale tabs); nothing that adds, removes or moves.
      const buttons = controls(html).filter((control) => control.tag === 'button' && !control.html.includes('role="tab"'));
      expect(buttons.map((control) => control.html)).toEqual([]);
    });
  }
});

describe('PropertyPanel for every node of the example flows', () => {
  const files = readdirSync('flows/examples').filter((file) => file.endsWith('.flow.json'));
  for (const file of files) {
    it(`renders every node of ${file}`, () => {
      const flow = FlowDocument.parse(JSON.parse(readFileSync(`flows/examples/${file}`, 'utf8')));
      for (const node of flow.nodes) {
        const html = render(flow, node.id, { locale: 'th' });
        expectEveryFieldLabelled(html, node.type, 'th');
      }
    });
  }

  it('shows per-locale tabs for a localized text and the flow list for a subflow', () => {
    const flow = FlowDocument.parse(JSON.parse(readFileSync('flows/examples/lost-card.flow.json', 'utf8')));
    const welcome = render(flow, 'welcome');
    expect(welcome).toContain('role="tablist"');
    expect(welcome).toMatch(/role="tab"[^>]*>th-TH</);
    expect(welcome).toMatch(/role="tab"[^>]*>en-US</);
    const subflow = flow.nodes.find((node) => node.type === 'subflow');
    expect(subflow).toBeDefined();
    const html = render(flow, subflow!.id);
    expect(html).toMatch(/<option value="verify-identity" selected="">Verify identity \(verify-identity\)<\/option>/);
    // A flow cannot call itself: the flow being edited is not offered.
    expect(html).not.toContain('<option value="lost-card"');
  });
});

describe('PropertyPanel inline problems', () => {
  const flow = flowWith(
    [
      { id: 'start', type: 'start', data: {} },
      { id: 'typo', type: 'menu', data: { prompt: 'Press 1', options: [{ id: 'a', label: 'A', keys: ['1', 'x'] }] } },
      { id: 'menu', type: 'menu', data: { prompt: 'Press {{ vars.last4', options: [{ id: 'a', label: 'A', keys: ['1'] }, { id: 'b', label: 'B', keys: ['1'] }], timeout: '5 minutes', reprompt: 'Again {{ vars.nope }}' } },
    ],
    { edges: [{ source: 'start', target: 'menu' }] },
  );
  const diagnosticsOf = (nodeId: string) => validateFlow(flow).filter((diag) => diag.nodeId === nodeId);

  it('names enum choices in the chosen language, and leaves HTTP methods as they are', () => {
    const flow = flowWith([
      { id: 'start', type: 'start', data: {} },
      { id: 'ask', type: 'collect', data: { prompt: 'Your email?', variable: 'email', kind: 'email' } },
      { id: 'call', type: 'http', data: { method: 'POST', url: 'https://crm.example/x' } },
    ]);
    const th = render(flow, 'ask', { locale: 'th' });
    expect(th).toContain('>ใช่หรือไม่</option>');
    expect(th).not.toContain('>yesno</option>');
    expect(render(flow, 'ask')).toContain('>Yes or no</option>');
    expect(render(flow, 'call', { locale: 'th' })).toContain('>POST</option>');
  });

  it('flags a value zod refuses next to its field, once', () => {
    const diagnostics = diagnosticsOf('typo');
    expect(diagnostics.some((diag) => diag.code === 'schema' && diag.path.endsWith('options[0].keys[1]'))).toBe(true);
    const html = render(flow, 'typo', { diagnostics });
    expect(fieldPathAround(html, 'keys are digits, * or #')).toBe('options[0].keys');
    // The validator's copy of the same issue is not shown a second time.
    expect(html.split('keys are digits').length).toBe(2);
  });

  it("shows the validator's problems next to the fields they are about", () => {
    const diagnostics = diagnosticsOf('menu');
    const html = render(flow, 'menu', { diagnostics });
    expect(fieldPathAround(html, '"5 minutes" is not a duration; write it like 30s, 10m, 2h or 1d')).toBe('timeout');
    expect(fieldPathAround(html, 'the template does not parse')).toBe('prompt');
    const duplicate = diagnostics.find((diag) => diag.code === 'duplicate-key');
    expect(duplicate).toBeDefined();
    expect(fieldPathAround(html, duplicate!.message)).toMatch(/^options\[1\]/);
    // A warning inside the advanced section opens it.
    expect(fieldPathAround(html, 'variable "nope" is read here but never declared or set')).toBe('reprompt');
    expect(html).toMatch(/<details[^>]*open=""/);
    // Problems about the node as a whole go to the top.
    expect(html).toContain(escapeHtml('output "a" of node "menu" is not connected'));
  });

  it('localizes them in Thai and marks the fields invalid', () => {
    const html = render(flow, 'menu', { diagnostics: diagnosticsOf('menu'), locale: 'th' });
    expect(fieldPathAround(html, '"5 minutes" ไม่ใช่ระยะเวลาที่ถูกต้อง ให้เขียนเช่น 30s, 10m, 2h หรือ 1d')).toBe('timeout');
    expect(html).toMatch(/id="[^"]*-timeout"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="[^"]*-timeout"/);
  });

  it('says so when the node is gone or of an unknown type', () => {
    expect(render(flowWith([{ id: 'start', type: 'start', data: {} }]), 'ghost', { diagnostics: [] })).toContain('no longer in the flow');
    expect(render(flowWith([{ id: 'odd', type: 'teleport', data: {} }]), 'odd', { diagnostics: [] })).toContain('Unknown node type “teleport”');
  });
});
