// The handoff node hears QUEUE_UPDATE from the host's routing while queued: `queue.position`
// and `queue.estimatedWaitMinutes` in templates, and `positionText` telling the customer.
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile';
import { createFlowMachine } from '../compile/machine';
import { applyEvent, startJourney } from '../engine/step';
import { edge, NOW, testFlow } from '../testing/flows';

function machine(data: Record<string, unknown>) {
  const flow = testFlow(
    [
      { id: 'agent', type: 'handoff', data: { queue: 'billing', ...data } },
      { id: 'done', type: 'end', data: { outcome: 'resolved' } },
      { id: 'left', type: 'end', data: { outcome: 'abandoned' } },
    ],
    [edge('start', 'agent'), edge('agent', 'resolved', 'done'), edge('agent', 'abandoned', 'left')],
  );
  const result = compileFlow(flow);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return createFlowMachine(result.flow);
}

const update = (position: number, estimatedWaitMinutes: number) => ({ type: 'QUEUE_UPDATE' as const, at: NOW, position, estimatedWaitMinutes });
const sent = (effects: { type: string }[]) => effects.flatMap((effect) => ('text' in effect && effect.type === 'send' ? [effect.text] : []));

describe('handoff position updates', () => {
  it('asks the host for updates when it has positionText and tells the customer each one', () => {
    const m = machine({ positionText: 'You are number {{ queue.position }} in {{ queue.name }}, about {{ queue.estimatedWaitMinutes }} min.' });
    const start = startJourney(m, { conversationId: 'c1', channel: 'webchat', now: NOW });
    expect(start.effects.find((effect) => effect.type === 'handoff.queued')).toMatchObject({ wantsPosition: true });
    const first = applyEvent(m, start.snapshot, update(3, 6));
    expect(sent(first.effects)).toEqual(['You are number 3 in billing, about 6 min.']);
    expect(first.snapshot.context.handoff).toMatchObject({ position: 3, estimatedWaitMinutes: 6, status: 'queued' });
    expect(sent(applyEvent(m, first.snapshot, update(1, 2)).effects)).toEqual(['You are number 1 in billing, about 2 min.']);
  });

  it('records the position silently without positionText, and ignores updates once an agent accepted', () => {
    const m = machine({});
    const start = startJourney(m, { conversationId: 'c1', channel: 'webchat', now: NOW });
    expect(start.effects.find((effect) => effect.type === 'handoff.queued')).not.toHaveProperty('wantsPosition');
    const told = applyEvent(m, start.snapshot, update(2, 4));
    expect(sent(told.effects)).toEqual([]);
    expect(told.snapshot.context.handoff).toMatchObject({ position: 2 });
    const accepted = applyEvent(m, told.snapshot, { type: 'AGENT_ACCEPT', at: NOW, agent: 'u1' });
    const late = applyEvent(m, accepted.snapshot, update(1, 0));
    expect(late.effects.filter((effect) => effect.type !== 'enter' && effect.type !== 'leave')).toEqual([]);
  });
});
