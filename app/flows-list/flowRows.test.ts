import { describe, expect, it } from 'vitest';
import { filterFlows, flowState } from './flowRows';

const published = { latestVersion: 2, publishedAt: '2026-03-02T10:00:00.000Z', draftUpdatedAt: '2026-03-02T09:00:00.000Z', archivedAt: null };

describe('flowState', () => {
  it('is draft before the first publish', () => {
    expect(flowState({ ...published, latestVersion: 0, publishedAt: null })).toBe('draft');
  });

  it('is published while the draft was last saved before the latest version', () => {
    expect(flowState(published)).toBe('published');
  });

  it('has unpublished changes when the draft was saved after the latest version', () => {
    expect(flowState({ ...published, draftUpdatedAt: '2026-03-02T10:00:01.000Z' })).toBe('unpublished');
  });

  it('is archived whatever else holds', () => {
    expect(flowState({ ...published, archivedAt: '2026-03-03T00:00:00.000Z' })).toBe('archived');
  });
});

describe('filterFlows', () => {
  const flows = [
    { id: 'lost-card', name: 'Lost or stolen card', archivedAt: null },
    { id: 'order-status', name: 'Order status', archivedAt: null },
    { id: 'old-ivr', name: 'Old IVR', archivedAt: '2026-01-01T00:00:00.000Z' },
    { id: 'thai-bot', name: 'แจ้งบัตรหาย', archivedAt: null },
  ];
  const ids = (query: string, showArchived = false) => filterFlows(flows, { query, showArchived }).map((f) => f.id);

  it('hides archived flows unless asked', () => {
    expect(ids('')).toEqual(['lost-card', 'order-status', 'thai-bot']);
    expect(ids('', true)).toEqual(['lost-card', 'order-status', 'old-ivr', 'thai-bot']);
  });

  it('matches every word in the name or id, ignoring case', () => {
    expect(ids('LOST card')).toEqual(['lost-card']);
    expect(ids('order-st')).toEqual(['order-status']);
    expect(ids('status lost')).toEqual([]);
    expect(ids('บัตร')).toEqual(['thai-bot']);
  });

  it('searches archived flows only when they are shown', () => {
    expect(ids('ivr')).toEqual([]);
    expect(ids('ivr', true)).toEqual(['old-ivr']);
  });
});
