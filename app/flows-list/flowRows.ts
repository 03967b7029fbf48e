// What the flows list shows of each flow, and which flows a search keeps: pure, so it is tested
// without a browser.
import type { MessageKey } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/lib/apiTypes';

export type FlowListItem = RouterOutputs['flows']['list'][number];

export type FlowState = 'archived' | 'draft' | 'published' | 'unpublished';

/**
 * Where a flow stands: never published, published as the draft is, or with draft edits saved
 * after the latest publish (the draft's save time is later than the version's).
 */
export function flowState(flow: Pick<FlowListItem, 'archivedAt' | 'latestVersion' | 'publishedAt' | 'draftUpdatedAt'>): FlowState {
  if (flow.archivedAt !== null) return 'archived';
  if (flow.latestVersion === 0 || flow.publishedAt === null) return 'draft';
  return Date.parse(flow.draftUpdatedAt) > Date.parse(flow.publishedAt) ? 'unpublished' : 'published';
}

export const STATE_LABELS: Record<FlowState, MessageKey> = {
  archived: 'listStateArchived',
  draft: 'listStateDraft',
  published: 'listStatePublished',
  unpublished: 'listStateUnpublished',
};

export const STATE_BADGES: Record<FlowState, string> = {
  archived: 'badge badge-all',
  draft: 'badge badge-all',
  published: 'badge badge-ok',
  unpublished: 'badge badge-warning',
};

export interface FlowFilter {
  query: string;
  showArchived: boolean;
}

/**
 * The flows to show: archived ones only when asked; a query keeps flows whose name or id
 * contains every word of it, ignoring case (so "lost card" finds "Lost or stolen card").
 */
export function filterFlows<T extends Pick<FlowListItem, 'id' | 'name' | 'archivedAt'>>(flows: readonly T[], filter: FlowFilter): T[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return flows.filter((flow) => {
    if (!filter.showArchived && flow.archivedAt !== null) return false;
    const haystack = `${flow.name} ${flow.id}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
