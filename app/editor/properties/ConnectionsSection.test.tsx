import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../state/testDocs';
import { ConnectionsSection } from './ConnectionsSection';

function render(nodeId: string, locale: 'en' | 'th' = 'en', readOnly = false): string {
  return renderToStaticMarkup(<ConnectionsSection flow={sampleFlow()} nodeId={nodeId} locale={locale} readOnly={readOnly} onSetConnection={() => {}} />);
}

/** The `<select>` of one handle, from its row to the end of the select. */
function selectOf(html: string, handle: string): string {
  const row = html.slice(html.indexOf(`data-handle="${handle}"`));
  return row.slice(0, row.indexOf('</select>'));
}

describe('ConnectionsSection', () => {
  it('lists every output handle with the node it goes to, the start node and itself excluded', () => {
    const html = render('menu');
    expect(selectOf(html, 'lost')).toMatch(/<option value="end" selected="">end · End<\/option>/);
    expect(selectOf(html, 'balance')).toMatch(/<option value="" selected="">— not connected —<\/option>/);
    expect(selectOf(html, 'noMatch')).toContain('— not connected —');
    expect(html).not.toContain('value="start"');
    expect(html).not.toContain('value="menu"');
    expect(html).toContain('aria-label="Where Balance goes"');
  });

  it('speaks Thai, is disabled when read-only and shows nothing for a node without outputs', () => {
    expect(render('menu', 'th')).toContain('ยังไม่เชื่อมต่อ');
    expect(render('menu', 'en', true).match(/<select[^>]*disabled=""/g)?.length).toBe(4);
    expect(render('end')).toBe('');
  });
});
