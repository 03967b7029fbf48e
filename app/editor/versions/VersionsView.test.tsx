import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { messages } from '@/app/i18n/messages';
import { VersionsView, type VersionItem, type VersionsViewProps } from './VersionsView';

const en = messages.en;
const th = messages.th;

const versions: VersionItem[] = [
  { id: 3, flowId: 'card', number: 3, checksum: 'c3', note: 'Adds the CSAT survey', publishedBy: 'user-ana', publishedByName: 'Ana Siriwan', publishedAt: '2026-03-03T10:00:00.000Z' },
  { id: 2, flowId: 'card', number: 2, checksum: 'c2', note: '', publishedBy: 'user-gone', publishedByName: null, publishedAt: '2026-03-02T10:00:00.000Z' },
  { id: 1, flowId: 'card', number: 1, checksum: 'c1', note: 'Example flow', publishedBy: null, publishedByName: null, publishedAt: '2026-03-01T10:00:00.000Z' },
];

function render(overrides: Partial<VersionsViewProps> = {}): string {
  const props: VersionsViewProps = {
    locale: 'en',
    canWrite: true,
    versions,
    loadFailed: false,
    onRetry: () => {},
    comparing: null,
    loadingCompare: null,
    status: null,
    rollingBack: false,
    onCompare: () => {},
    onStopComparing: () => {},
    onRollback: async () => true,
    ...overrides,
  };
  return renderToStaticMarkup(<VersionsView {...props} />);
}

const count = (html: string, text: string) => html.split(text).length - 1;

describe('VersionsView', () => {
  it('lists versions newest first with note, publisher and date', () => {
    const html = render();
    const order = ['Version 3', 'Version 2', 'Version 1'].map((title) => html.indexOf(`aria-label="${title}"`));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(html).toContain('Adds the CSAT survey');
    expect(html).toContain(en.versionsNoNote);
    expect(html).toContain('by Ana Siriwan');
    expect(html).toContain(en.versionsByUnknown);
    expect(html).toContain(en.versionsBySystem);
    expect(html).toContain('dateTime="2026-03-03T10:00:00.000Z"');
    expect(count(html, en.versionsLatest)).toBe(1);
  });

  it('offers compare on every version and rollback on older ones to those who may write', () => {
    const html = render();
    expect(count(html, `>${en.versionsCompare}<`)).toBe(3);
    expect(count(html, `>${en.versionsRollback}<`)).toBe(2);
    expect(count(render({ canWrite: false }), en.versionsRollback)).toBe(0);
  });

  it('says which version is on the canvas and how it differs, with a way to stop', () => {
    const html = render({ comparing: { number: 2, counts: { added: 1, removed: 2, changed: 3 } } });
    expect(html).toContain('Version 2 compared with the draft');
    expect(html).toContain('1 added, 2 removed, 3 changed');
    expect(html).toContain(en.versionsStopComparing);
    expect(html).toContain(en.versionsComparingNow);
    expect(count(html, `>${en.versionsCompare}<`)).toBe(2);
    expect(render({ comparing: { number: 1, counts: { added: 0, removed: 0, changed: 0 } } })).toContain(en.versionsNoDifference);
  });

  it('shows loading, failure and the empty history', () => {
    expect(render({ versions: undefined })).toContain(en.versionsLoading);
    expect(render({ loadFailed: true })).toContain(en.versionsRetry);
    const empty = render({ versions: [] });
    expect(empty).toContain(en.versionsEmptyTitle);
    expect(empty).not.toContain(en.versionsCompare);
  });

  it('reads in Thai', () => {
    const html = render({ locale: 'th' });
    expect(html).toContain(th.versionsHeading);
    expect(html).toContain(th.versionsCompare);
    expect(html).toContain('เวอร์ชัน 3');
  });
});
