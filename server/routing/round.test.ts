// Which waiting handoffs a round may assign and which it moves (pure part of the round).
import { describe, expect, it } from 'vitest';
import type { HandoffRecordRow } from '../db/schema';
import { QueueBook, type QueueRules } from './queues';
import { sortWaiting } from './round';

const NOW = new Date('2026-03-02T03:00:00Z'); // Monday 10:00 in Bangkok
const closedNow = { timezone: 'Asia/Bangkok', weekly: [{ day: 'mon' as const, open: '13:00', close: '17:00' }] };

function rules(fields: Partial<QueueRules> & { id: string }): QueueRules {
  return { name: fields.id, requiredSkills: [], priority: 0, hours: null, whenClosed: 'stay', maxWaitSeconds: null, overflowQueue: null, ...fields };
}

function record(id: number, queue: string, waitedSeconds: number): HandoffRecordRow {
  const since = new Date(NOW.getTime() - waitedSeconds * 1000);
  return {
    id, conversationId: `c${id}`, contactId: `k${id}`, channel: 'webchat', queue, skills: [], priority: 0, summary: null, status: 'waiting', agentId: null,
    queuedAt: since, waitingSince: since, assignedAt: null, firstResponseAt: null, closedAt: null, firstResponseSeconds: null, handleSeconds: null,
    disposition: null, transfers: 0, toldPosition: null, toldAt: null, wantsPosition: false,
  };
}

describe('sortWaiting', () => {
  it('moves what waited past the max wait, keeps closed queues waiting, and assigns the rest', () => {
    const book = new QueueBook([
      rules({ id: 'slow', maxWaitSeconds: 60, overflowQueue: 'general' }),
      rules({ id: 'night', hours: closedNow }),
      rules({ id: 'closed-moves', hours: closedNow, whenClosed: 'overflow', overflowQueue: 'general' }),
    ]);
    const { overflow, candidates } = sortWaiting([record(1, 'slow', 59), record(2, 'slow', 60), record(3, 'night', 600), record(4, 'closed-moves', 1), record(5, 'general', 5)], book, NOW);
    expect(overflow.map((o) => [o.record.id, o.to])).toEqual([
      [2, 'general'],
      [4, 'general'],
    ]);
    expect(candidates.map((r) => r.id)).toEqual([1, 5]);
  });

  it('does not move a closed queue into another closed queue', () => {
    const book = new QueueBook([
      rules({ id: 'a', hours: closedNow, whenClosed: 'overflow', overflowQueue: 'b' }),
      rules({ id: 'b', hours: closedNow, whenClosed: 'overflow', overflowQueue: 'a' }),
    ]);
    const { overflow, candidates } = sortWaiting([record(1, 'a', 10), record(2, 'b', 10)], book, NOW);
    expect(overflow).toEqual([]);
    expect(candidates).toEqual([]);
  });
});
