import type { RouterOutputs } from '@/app/lib/apiTypes';

export type Inbox = RouterOutputs['desk']['inbox'];
export type WaitingItem = Inbox['waiting'][number];
export type AssignedItem = Inbox['assigned'][number];
export type DeskConversation = RouterOutputs['desk']['conversation'];
export type TimelineEntry = DeskConversation['timeline'][number];
export type DeskNote = RouterOutputs['desk']['notes']['list'][number];
export type CannedResponse = RouterOutputs['desk']['canned']['list'][number];
export type TransferTargets = RouterOutputs['desk']['transferTargets'];
export type Presence = Inbox['agent']['presence'];
export const PRESENCES: readonly Presence[] = ['available', 'busy', 'away', 'offline'];
