import { describe, expect, it } from 'vitest';
import { assign, mergeRequirements, type RoutableAgent, type WaitingConversation } from './assign';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const minute = 60_000;

function agent(agentId: string, skills: Record<string, number>, capacity: RoutableAgent['capacity'], idleMinutesAgo: number, extra: Partial<RoutableAgent> = {}): RoutableAgent {
  return { agentId, available: true, skills: new Map(Object.entries(skills)), capacity, load: {}, idleSince: T0 - idleMinutesAgo * minute, ...extra };
}

function waiting(conversationId: string, channel: WaitingConversation['channel'], requires: Record<string, number>, waitedMinutes: number, priority = 0, queuePriority = 0): WaitingConversation {
  return {
    conversationId,
    channel,
    requires: Object.entries(requires).map(([skill, minLevel]) => ({ skill, minLevel })),
    priority,
    queuePriority,
    waitingSince: T0 - waitedMinutes * minute,
  };
}

describe('assign', () => {
  it('the issue scenario: 3 agents with different skills and capacities, 10 waiting conversations', () => {
    // Ana: Thai and cards (level 4), 2 web chats and 1 call, idle longest.
    // Ben: English and cards (level 2), 3 web chats, no voice.
    // Chai: Thai (level 5) and fraud (level 3), 1 call and 1 web chat, idle shortest.
    const agents = [
      agent('ana', { thai: 3, cards: 4 }, { webchat: 2, voice: 1 }, 30),
      agent('ben', { english: 4, cards: 2 }, { webchat: 3 }, 20),
      agent('chai', { thai: 5, fraud: 3 }, { voice: 1, webchat: 1 }, 10),
    ];
    const list = [
      waiting('c1', 'webchat', { cards: 1 }, 9), // any card agent
      waiting('c2', 'webchat', { cards: 3 }, 8), // only Ana has cards ≥ 3
      waiting('c3', 'voice', { thai: 1 }, 7), // Ana or Chai on voice
      waiting('c4', 'webchat', { fraud: 2 }, 6), // only Chai
      waiting('c5', 'webchat', { english: 1 }, 5), // only Ben
      waiting('c6', 'voice', { fraud: 1 }, 4, 5), // priority 5: first of all; only Chai
      waiting('c7', 'webchat', {}, 3), // anyone with a free chat slot
      waiting('c8', 'webchat', { thai: 4 }, 2), // only Chai (thai 5), whose chat slot went to c4
      waiting('c9', 'sms', {}, 1), // nobody serves SMS
      waiting('c10', 'webchat', {}, 0, 0, 10), // queue priority 10: before the priority-0 queue ones
    ];
    const pairs = assign(list, agents, T0);
    expect(pairs).toEqual([
      { conversationId: 'c6', agentId: 'chai' }, // handoff priority first; Chai is the only fraud agent with voice
      { conversationId: 'c10', agentId: 'ana' }, // queue priority next; Ana idle longest
      { conversationId: 'c1', agentId: 'ben' }, // Ben now idle longest (Ana was just given c10)
      { conversationId: 'c2', agentId: 'ana' }, // cards 3: Ana only; her second and last chat slot
      { conversationId: 'c3', agentId: 'ana' }, // voice + thai: Chai's voice slot is taken by c6
      { conversationId: 'c4', agentId: 'chai' }, // fraud: Chai's one chat slot
      { conversationId: 'c5', agentId: 'ben' }, // english
      { conversationId: 'c7', agentId: 'ben' }, // the last free chat slot in the room
      // c8 (thai 4) waits: Chai is full; c9 (sms) waits: nobody serves SMS.
    ]);
  });

  it('serves higher handoff priority, then higher queue priority, then the longest wait', () => {
    const pairs = assign(
      [waiting('old', 'webchat', {}, 10), waiting('urgent', 'webchat', {}, 1, 9), waiting('vip-queue', 'webchat', {}, 2, 0, 5), waiting('older', 'webchat', {}, 12)],
      [agent('a', {}, { webchat: 3 }, 5)],
      T0,
    );
    expect(pairs.map((p) => p.conversationId)).toEqual(['urgent', 'vip-queue', 'older']);
  });

  it('gives the conversation to the longest idle qualified agent and skips agents not available or full', () => {
    const agents = [
      agent('away', {}, { webchat: 3 }, 60, { available: false }),
      agent('full', {}, { webchat: 2 }, 50, { load: { webchat: 2 } }),
      agent('recent', {}, { webchat: 3 }, 1),
      agent('idle', {}, { webchat: 3 }, 30),
    ];
    expect(assign([waiting('c', 'webchat', {}, 1)], agents, T0)).toEqual([{ conversationId: 'c', agentId: 'idle' }]);
  });

  it('requires every skill at its level; a missing skill is level 0', () => {
    const agents = [agent('low', { thai: 2, cards: 5 }, { webchat: 1 }, 10), agent('none', { cards: 5 }, { webchat: 1 }, 20)];
    expect(assign([waiting('c', 'webchat', { thai: 3, cards: 1 }, 1)], agents, T0)).toEqual([]);
    expect(assign([waiting('c', 'webchat', { thai: 2, cards: 5 }, 1)], agents, T0)).toEqual([{ conversationId: 'c', agentId: 'low' }]);
  });

  it('counts capacity per channel: a full voice slot does not block chat', () => {
    const agents = [agent('a', {}, { voice: 1, webchat: 1 }, 10, { load: { voice: 1 } })];
    expect(assign([waiting('call', 'voice', {}, 5), waiting('chat', 'webchat', {}, 1)], agents, T0)).toEqual([{ conversationId: 'chat', agentId: 'a' }]);
  });

  it('breaks a tie of the same wait by arrival order', () => {
    const same = [{ ...waiting('late', 'webchat', {}, 1), order: 2 }, { ...waiting('early', 'webchat', {}, 1), order: 1 }];
    expect(assign(same, [agent('a', {}, { webchat: 1 }, 5)], T0)).toEqual([{ conversationId: 'early', agentId: 'a' }]);
  });

  it('does not change its inputs', () => {
    const agents = [agent('a', {}, { webchat: 2 }, 10)];
    const list = [waiting('x', 'webchat', {}, 1), waiting('y', 'webchat', {}, 2)];
    assign(list, agents, T0);
    expect(agents[0]?.load).toEqual({});
    expect(list.map((w) => w.conversationId)).toEqual(['x', 'y']);
  });
});

describe('mergeRequirements', () => {
  it("adds the handoff's skills at level 1 and keeps the queue's higher level", () => {
    expect(mergeRequirements([{ skill: 'thai', minLevel: 3 }], ['thai', 'cards'])).toEqual([
      { skill: 'thai', minLevel: 3 },
      { skill: 'cards', minLevel: 1 },
    ]);
  });
});
