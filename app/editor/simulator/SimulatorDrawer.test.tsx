import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlowDocument } from '@/flows';
import type { SimulatorTrace } from '@/app/editor/contracts';
import { SimulatorDrawer } from './SimulatorDrawer';
import { exampleFlow, exampleLibrary } from './testing';

function render(flow: FlowDocument, locale: 'en' | 'th' = 'en'): string {
  const library = new Map([...exampleLibrary()].map(([id, doc]) => [id, FlowDocument.parse(doc)]));
  const traces: (SimulatorTrace | null)[] = [];
  return renderToStaticMarkup(
    <SimulatorDrawer flow={flow} library={library} locale={locale} onTrace={(trace) => traces.push(trace)} onClose={() => undefined} />,
  );
}

describe('SimulatorDrawer (server render)', () => {
  it('starts the flow and shows its first message, status, labelled controls and the voice keypad', () => {
    const html = render(exampleFlow('lost-card'));
    expect(html).toContain('aria-label="Simulator"');
    // lost-card starts on voice only: the first bot prompt is in the chat, the keypad is offered.
    expect(html).toMatch(/Waiting at main-menu \(Menu\)/);
    expect(html).toContain('ธนาคารนาวา สวัสดีค่ะ');
    expect(html).toContain('Conversation started on Voice');
    expect(html).toContain('aria-label="Phone keypad"');
    expect(html).toContain('aria-label="Key #"');
    expect(html).toContain('aria-label="Message as the customer"');
    expect(html).toContain('aria-label="Fast-forward 1m"');
    expect(html).toContain('Hang up');
    expect(html).toContain('Save as journey test');
    expect(html).toContain('aria-label="Close simulator"');
    expect(html).toContain('<option value="voice" selected="">Voice</option>');
    expect(html).toContain('Variables after this step');
    // No handoff yet: no agent controls.
    expect(html).not.toContain('Act as the agent');
  });

  it('offers the start node channels and no keypad on chat', () => {
    const html = render(exampleFlow('telco-support'));
    expect(html).toContain('<option value="line" selected="">LINE</option>');
    expect(html).toContain('<option value="webchat">Web chat</option>');
    expect(html).not.toContain('aria-label="Phone keypad"');
  });

  it('shows a flow that cannot run as a message, not a crash', () => {
    const flow = exampleFlow('order-status');
    // Without edges every node but the start is unreachable: the validator's errors, localized.
    const broken = { ...flow, edges: [] };
    const html = render(broken);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The flow cannot run');
    expect(html).toContain('Not running');
  });

  it('speaks Thai', () => {
    const html = render(exampleFlow('lost-card'), 'th');
    expect(html).toContain('ตัวจำลอง');
    expect(html).toContain('แป้นโทรศัพท์');
    expect(html).toContain('บันทึกเป็นการทดสอบเจอร์นีย์');
  });
});
