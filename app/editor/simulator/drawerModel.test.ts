import { describe, expect, it } from 'vitest';
import { CHANNELS } from '@/flows';
import { agentCanAct, defaultOptions, fromLocalInput, lastQuickReplies, startChannels, statusOf, toLocalInput, withMockFor } from './drawerModel';
import { parseMocksText, parseVarsText } from './mocksText';
import { exampleFlow, exampleLibrary, sessionFromJourney } from './testing';

describe('drawer model', () => {
  it('reads the start node channels, all of them when it names none', () => {
    expect(startChannels(exampleFlow('telco-support'))).toEqual(['line', 'webchat']);
    expect(startChannels(exampleFlow('verify-identity'))).toEqual([...CHANNELS]);
    expect(defaultOptions(exampleFlow('lost-card'), Date.UTC(2026, 2, 2, 3, 4, 5))).toMatchObject({ channel: 'voice', now: '2026-03-02T03:04:00.000Z' });
  });

  it('says where the journey is, and when the agent may act', () => {
    const library = exampleLibrary();
    const flow = exampleFlow('order-status');
    const view = sessionFromJourney('order-status.cancelled-order-agent.journey.json', library).view();
    expect(statusOf(view.steps[0]!.state, flow, 'en')).toMatchObject({ kind: 'waiting' });
    const handedOff = view.steps.find((step) => step.state.handoff?.status === 'queued');
    expect(handedOff && statusOf(handedOff.state, flow, 'en')).toMatchObject({ kind: 'queued' });
    expect(agentCanAct(handedOff?.state ?? null)).toBe(true);
    expect(statusOf(view.current, flow, 'en')).toMatchObject({ kind: 'ended' });
    expect(agentCanAct(view.current)).toBe(false);
    expect(statusOf(null, flow, 'en')).toEqual({ kind: 'notStarted' });
  });

  it('offers the quick replies of the last message sent', () => {
    const view = sessionFromJourney('telco-support.billing-quick-reply.journey.json').view();
    expect(lastQuickReplies(view.steps.slice(0, 1)).map((reply) => reply.id)).toContain('billing');
    expect(lastQuickReplies(view.steps)).toEqual([]);
  });

  it('adds a mock for the call no mock answered', () => {
    const options = defaultOptions(exampleFlow('order-status'), 0);
    const problem = { kind: 'noMock', method: 'GET', url: 'https://shop.example/orders/1', node: 'crm' } as const;
    expect(withMockFor(options, problem)?.mocks.http).toEqual([{ method: 'GET', url: 'https://shop.example/orders/1', status: 200, json: {} }]);
    expect(withMockFor(options, { kind: 'ended' })).toBeUndefined();
  });

  it('round-trips the start time through a datetime-local value', () => {
    const iso = fromLocalInput(toLocalInput('2026-03-02T03:04:00.000Z'));
    expect(iso).toBe('2026-03-02T03:04:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
  });
});

describe('mocks text', () => {
  it('accepts a list or a whole mocks object and fills defaults', () => {
    expect(parseMocksText('')).toEqual({ ok: true, http: [] });
    const list = parseMocksText('[{ "url": "https://crm.example/*", "json": { "tier": "gold" } }]');
    expect(list).toEqual({ ok: true, http: [{ url: 'https://crm.example/*', status: 200, json: { tier: 'gold' } }] });
    expect(parseMocksText('{ "http": [{ "url": "https://a.example", "error": "timeout" }] }').ok).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = parseMocksText('[{ "url": "https://a.example", "status": 42 }]');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]?.path).toBe('0.status');
    expect(parseMocksText('[{').ok).toBe(false);
    expect(parseVarsText('{"a": 1}')).toEqual({ ok: true, vars: { a: 1 } });
    expect(parseVarsText('[1]').ok).toBe(false);
  });
});
