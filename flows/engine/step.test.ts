import { describe, expect, it } from 'vitest';
import { compileFlow } from '../compile/compile';
import { createFlowMachine } from '../compile/machine';
import { edge, NOW, testFlow } from '../testing/flows';
import { applyEvent, persistJourney, restoreJourney, startJourney } from './step';
import type { FlowEvent } from './events';

const flow = testFlow(
  [
    { id: 'menu', type: 'menu', data: { prompt: 'Press 1 or 2', options: [{ id: 'one', label: 'One', keys: ['1'] }, { id: 'two', label: 'Two', keys: ['2'] }], noMatchText: 'Sorry' } },
    { id: 'ask', type: 'collect', data: { prompt: 'Your age?', variable: 'age', kind: 'number' } },
    { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '1m' } },
    { id: 'done', type: 'end', data: { text: 'Age {{ vars.age }}, thanks', outcome: 'resolved' } },
    { id: 'other', type: 'end', data: { outcome: 'contained' } },
    { id: 'lost', type: 'end', data: { outcome: 'abandoned' } },
  ],
  [
    edge('start', 'menu'),
    edge('menu', 'one', 'ask'),
    edge('menu', 'two', 'other'),
    edge('menu', 'noMatch', 'lost'),
    edge('menu', 'noInput', 'lost'),
    edge('ask', 'pause'),
    edge('ask', 'invalid', 'lost'),
    edge('ask', 'noInput', 'lost'),
    edge('pause', 'done'),
  ],
);

function machine() {
  const result = compileFlow(flow);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return createFlowMachine(result.flow);
}

const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const input = { conversationId: 'c1', channel: 'voice' as const, now: at(0) };

describe('the pure step', () => {
  it('gives the same effects for the same events, and a journey restored from JSON after every step ends the same', () => {
    const m = machine();
    const events: ((timer: string) => FlowEvent)[] = [
      () => ({ type: 'CUSTOMER', at: at(1), channel: 'voice', text: 'nonsense' }),
      () => ({ type: 'CUSTOMER', at: at(2), channel: 'voice', digits: '1' }),
      () => ({ type: 'CUSTOMER', at: at(3), channel: 'voice', text: '42' }),
      (timer) => ({ type: 'TIMER', at: at(70), token: timer }),
    ];
    const run = (persistEachStep: boolean) => {
      let { snapshot, effects } = startJourney(m, input);
      const all = [...effects];
      for (const event of events) {
        if (persistEachStep) snapshot = restoreJourney(m, JSON.parse(JSON.stringify(persistJourney(snapshot))));
        const token = snapshot.context.timer?.token ?? '';
        ({ snapshot, effects } = applyEvent(m, snapshot, event(token)));
        all.push(...effects);
      }
      return { all, persisted: persistJourney(snapshot) };
    };
    const straight = run(false);
    const restored = run(true);
    expect(restored).toEqual(straight);
    expect(straight.persisted.status).toBe('done');
    expect(straight.persisted.context.outcome).toBe('resolved');
    expect(straight.all.filter((e) => e.type === 'send').map((e) => e.type === 'send' && e.text)).toEqual([
      'Press 1 or 2',
      'Sorry',
      'Press 1 or 2',
      'Your age?',
      'Age 42, thanks',
    ]);
  });

  it('ignores a timer that fires after the journey moved on', () => {
    const m = machine();
    const started = startJourney(m, input);
    const staleToken = started.snapshot.context.timer!.token;
    const answered = applyEvent(m, started.snapshot, { type: 'CUSTOMER', at: at(1), channel: 'voice', digits: '1' });
    expect(answered.effects).toContainEqual({ type: 'timer.cancel', token: staleToken });
    const stale = applyEvent(m, answered.snapshot, { type: 'TIMER', at: at(11), token: staleToken });
    expect(stale.changed).toBe(false);
    expect(stale.effects).toEqual([]);
    expect(stale.snapshot.context.at).toBe('ask');
  });

  it('reports an event no node takes as unchanged, and does nothing once ended', () => {
    const m = machine();
    const started = startJourney(m, input);
    const agent = applyEvent(m, started.snapshot, { type: 'AGENT_REPLY', at: at(1), text: 'hello' });
    expect(agent.changed).toBe(false);
    expect(agent.effects).toEqual([]);
    const ended = applyEvent(m, started.snapshot, { type: 'CUSTOMER', at: at(1), channel: 'voice', digits: '2' });
    expect(ended.snapshot.status).toBe('done');
    const after = applyEvent(m, ended.snapshot, { type: 'CUSTOMER', at: at(2), channel: 'voice', digits: '1' });
    expect(after).toMatchObject({ changed: false, effects: [] });
  });

  it('arms timers from the journey clock and names the node', () => {
    const started = startJourney(machine(), input);
    expect(started.effects).toContainEqual({ type: 'timer.set', token: 't1', due: at(10), node: 'menu' });
    expect(started.effects.filter((e) => e.type === 'enter').map((e) => e.type === 'enter' && e.node)).toEqual(['start', 'menu']);
  });

  it('ends with outcome abandoned when the customer hangs up anywhere', () => {
    const m = machine();
    const started = startJourney(m, input);
    const hung = applyEvent(m, started.snapshot, { type: 'HANGUP', at: at(1) });
    expect(hung.snapshot.status).toBe('done');
    expect(hung.snapshot.context.outcome).toBe('abandoned');
    expect(hung.effects).toContainEqual({ type: 'end', outcome: 'abandoned' });
  });
});
