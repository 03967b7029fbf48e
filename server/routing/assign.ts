// The assignment decision, pure: who gets which waiting conversation. Waiting conversations are
// served by priority (the handoff's, then the queue's), then longest wait; each goes to the
// available agent who has every required skill at its level and a free slot on the
// conversation's channel, the one idle longest. An agent who gets a conversation counts as idle
// from `now` (so work spreads across agents rather than filling the longest-idle one first).
import { CHANNELS, type Channel, type RequiredSkill } from '../db/schema';

export interface WaitingConversation {
  conversationId: string;
  channel: Channel;
  /** The queue's required skills merged with the handoff's (level 1 unless the queue says more). */
  requires: readonly RequiredSkill[];
  /** The handoff node's priority. */
  priority: number;
  queuePriority: number;
  /** Epoch milliseconds since when it waits. */
  waitingSince: number;
  /** Breaks ties of the same wait by arrival (the handoff record's id). */
  order?: number;
}

export interface RoutableAgent {
  agentId: string;
  available: boolean;
  skills: ReadonlyMap<string, number>;
  capacity: Partial<Record<Channel, number>>;
  load: Partial<Record<Channel, number>>;
  /** Epoch milliseconds. */
  idleSince: number;
}

export interface Assignment {
  conversationId: string;
  agentId: string;
}

/** The pairs to assign now; neither input is changed. */
export function assign(waiting: readonly WaitingConversation[], agents: readonly RoutableAgent[], now: number): Assignment[] {
  const pool = agents
    .filter((agent) => agent.available)
    .map((agent) => ({ agent, idleSince: agent.idleSince, load: { ...agent.load } }))
    .sort((a, b) => a.idleSince - b.idleSince || a.agent.agentId.localeCompare(b.agent.agentId));
  const free = freeSlotsByChannel(pool);
  const pairs: Assignment[] = [];
  for (const conversation of [...waiting].sort(servedFirst)) {
    if ((free.get(conversation.channel) ?? 0) === 0) continue;
    const index = pool.findIndex((slot) => hasFreeSlot(slot.agent, slot.load, conversation.channel) && qualifies(slot.agent, conversation.requires));
    if (index < 0) continue;
    const [slot] = pool.splice(index, 1);
    if (!slot) continue;
    slot.load[conversation.channel] = (slot.load[conversation.channel] ?? 0) + 1;
    slot.idleSince = now;
    pool.push(slot);
    free.set(conversation.channel, (free.get(conversation.channel) ?? 1) - 1);
    pairs.push({ conversationId: conversation.conversationId, agentId: slot.agent.agentId });
  }
  return pairs;
}

/** Higher handoff priority, then higher queue priority, then the longest wait. */
export function servedFirst(a: WaitingConversation, b: WaitingConversation): number {
  return (
    b.priority - a.priority ||
    b.queuePriority - a.queuePriority ||
    a.waitingSince - b.waitingSince ||
    (a.order ?? 0) - (b.order ?? 0) ||
    a.conversationId.localeCompare(b.conversationId)
  );
}

/** True when the agent has every skill at (at least) its level. */
export function qualifies(agent: Pick<RoutableAgent, 'skills'>, requires: readonly RequiredSkill[]): boolean {
  return requires.every((required) => (agent.skills.get(required.skill) ?? 0) >= required.minLevel);
}

function hasFreeSlot(agent: RoutableAgent, load: Partial<Record<Channel, number>>, channel: Channel): boolean {
  return (load[channel] ?? 0) < (agent.capacity[channel] ?? 0);
}

/** Free slots per channel over all available agents: a channel with none is skipped at once. */
function freeSlotsByChannel(pool: { agent: RoutableAgent; load: Partial<Record<Channel, number>> }[]): Map<Channel, number> {
  const free = new Map<Channel, number>();
  for (const { agent, load } of pool) {
    for (const channel of CHANNELS) {
      const capacity = agent.capacity[channel] ?? 0;
      if (capacity > 0) free.set(channel, (free.get(channel) ?? 0) + Math.max(0, capacity - (load[channel] ?? 0)));
    }
  }
  return free;
}

/** The queue's requirements with the handoff's own skills added at level 1 (the higher level wins). */
export function mergeRequirements(queue: readonly RequiredSkill[], handoffSkills: readonly string[]): RequiredSkill[] {
  const merged = new Map<string, number>();
  for (const { skill, minLevel } of queue) merged.set(skill, Math.max(merged.get(skill) ?? 0, minLevel));
  for (const skill of handoffSkills) merged.set(skill, Math.max(merged.get(skill) ?? 0, 1));
  return [...merged].map(([skill, minLevel]) => ({ skill, minLevel }));
}
