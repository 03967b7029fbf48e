// The shapes the routing functions give the agent desktop and the admin page.
import type { Channel, Presence } from '../db/schema';

export type { Channel, Presence };

/** A conversation in a handoff, as the desktop lists it. */
export interface WaitingItem {
  conversationId: string;
  /** The handoff record (one per handoff of the conversation). */
  handoffId: number;
  contact: { id: string; name: string | null };
  channel: Channel;
  queue: string;
  priority: number;
  skills: string[];
  summary: string | null;
  /** ISO time the handoff was queued; `waitingSince` restarts on a transfer. */
  queuedAt: string;
  waitingSince: string;
  /** 1 = next to be served in its queue. */
  position: number;
}

export interface AssignedItem extends Omit<WaitingItem, 'position'> {
  agentId: string;
  assignedAt: string;
  firstResponseAt: string | null;
}

export interface QueueFigure {
  queue: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  agentsAvailable: number;
  /** Conversations assigned to agents now. */
  assigned: number;
}

export interface AgentState {
  presence: Presence;
  skills: { skill: string; level: number }[];
  capacity: Partial<Record<Channel, number>>;
  load: Partial<Record<Channel, number>>;
}
