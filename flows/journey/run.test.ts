import { describe, expect, it } from 'vitest';
import { edge, NOW, testFlow } from '../testing/flows';
import { flowLibrary } from '../validate/library';
import { runJourney } from './run';

const flow = testFlow(
  [
    { id: 'menu', type: 'menu', data: { prompt: 'Press 1 for sales, 2 for support', options: [{ id: 'sales', label: 'Sales', keys: ['1'] }, { id: 'support', label: 'Support', keys: ['2'] }] } },
    { id: 'sales-end', type: 'end', data: { text: 'Sales will call you', outcome: 'resolved' } },
    { id: 'support-queue', type: 'handoff', data: { queue: 'support', skills: ['thai'] } },
    { id: 'bye', type: 'end', data: {} },
  ],
  [
    edge('start', 'menu'),
    edge('menu', 'sales', 'sales-end'),
    edge('menu', 'support', 'support-queue'),
    edge('menu', 'noMatch', 'bye'),
    edge('menu', 'noInput', 'bye'),
    edge('support-queue', 'resolved', 'bye'),
    edge('support-queue', 'abandoned', 'bye'),
  ],
  { id: 'router' },
);
const flows = flowLibrary([flow]);

function journey(steps: unknown[], extra: Record<string, unknown> = {}) {
  return { format: 'switchboard/journey@1', name: 'router test', flow: 'router', channel: 'voice', now: NOW, steps, ...extra };
}

describe('runJourney', () => {
  it('passes when every expectation holds, and records coverage', () => {
    const result = runJourney(
      journey([
        { expect: { at: 'menu', sent: [{ text: 'Press 1' }], path: ['start', 'menu'] } },
        { customer: { digits: '2' }, expect: { at: 'support-queue', handoff: { queue: 'support', skills: ['thai'] } } },
        { agent: { reply: 'Hello!' }, expect: { sent: [{ equals: 'Hello!', channel: 'voice' }] } },
        { agent: { resolve: true }, expect: { ended: true, outcome: 'resolved', path: ['bye'] } },
      ]),
      { flows },
    );
    expect(result).toMatchObject({ passed: true, name: 'router test', steps: 4 });
    const [router] = result.coverage!.report();
    expect(router!.nodes.missing).toEqual(['sales-end']);
  });

  it('names the step and the first mismatch, expected against actual', () => {
    const result = runJourney(journey([{ customer: { digits: '1' }, expect: { at: 'menu', ended: false } }]), { flows });
    expect(result.passed).toBe(false);
    expect(result.failure).toEqual({ step: 1, message: 'expected at "menu", got "sales-end" (the conversation has ended)' });
  });

  it('matches sent messages in order with others between, and says what was sent when not', () => {
    const ok = runJourney(journey([{ customer: { digits: '1' }, expect: { sent: [{ text: 'Sales' }] } }]), { flows });
    expect(ok.passed).toBe(true);
    const wrongOrder = runJourney(journey([{ expect: { sent: [{ text: 'support' }, { text: 'Press' }] } }]), { flows });
    expect(wrongOrder.failure?.message).toBe(
      'expected a message containing "Press" after message 1, got [voice] "Press 1 for sales, 2 for support"',
    );
    const wrongChannel = runJourney(journey([{ expect: { sent: [{ text: 'Press', channel: 'sms' }] } }]), { flows });
    expect(wrongChannel.failure?.message).toMatch(/expected a message containing "Press" on sms/);
  });

  it('checks vars as a subset, outcome and handoff with clear messages', () => {
    const result = runJourney(journey([{ customer: { digits: '2' }, expect: { handoff: { queue: 'sales' } } }]), { flows });
    expect(result.failure).toEqual({ step: 1, message: 'expected handoff queue "sales", got "support"' });
    const outcome = runJourney(journey([{ customer: { digits: '1' }, expect: { outcome: 'escalated' } }]), { flows });
    expect(outcome.failure?.message).toBe('expected outcome "escalated", got "resolved"');
    const vars = runJourney(journey([{ expect: { vars: { plan: 'gold' } } }]), { flows });
    expect(vars.failure?.message).toBe('expected vars.plan = "gold", got nothing');
  });

  it('treats a step without an action as producing nothing after the first', () => {
    const result = runJourney(journey([{ customer: { text: 'hmm' } }, { expect: { sent: [{ text: 'Press' }] } }]), { flows });
    expect(result.failure?.step).toBe(2);
  });

  it('fails cleanly on a bad journey, an unknown flow, an impossible action or a typo in expect', () => {
    expect(runJourney({ format: 'switchboard/journey@1', name: 'x', flow: 'router', steps: [] }, { flows }).failure?.message).toMatch(/^not a valid journey: steps/);
    expect(runJourney(journey([{ expect: {} }], { flow: 'nope' }), { flows }).failure).toEqual({
      step: 0,
      message: 'flow "nope" was not found among the flows given',
    });
    expect(runJourney(journey([{ agent: { resolve: true } }]), { flows }).failure).toEqual({
      step: 1,
      message: 'no agent can act now: the conversation is not with an agent (it is at "menu")',
    });
    expect(runJourney(journey([{ expect: { node: 'menu' } }]), { flows }).failure?.message).toMatch(/not a valid journey: steps\.0\.expect/);
    expect(runJourney(journey([{ customer: { text: 'a' }, wait: '1s' }]), { flows }).failure?.message).toMatch(/at most one thing/);
  });

  it('moves the virtual clock with wait steps', () => {
    const result = runJourney(
      journey([{ wait: '11s', expect: { at: 'menu', sent: [{ text: 'Press 1' }] } }, { wait: '22s', expect: { ended: true, outcome: 'resolved' } }]),
      { flows },
    );
    expect(result.passed, result.failure?.message).toBe(true);
  });
});
