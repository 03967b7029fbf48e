import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validate/validate';
import { flowLibrary } from '../validate/library';
import { runJourney } from './run';

/**
 * Documents written from DESIGN.md alone, the way other teams write them: the example flow and
 * journey of the format sections, and the variations the format allows.
 */
const lostCard = {
  format: 'switchboard/flow@1',
  id: 'lost-card',
  name: 'Lost or stolen card',
  locale: 'th-TH',
  variables: { last4: { type: 'string' }, csat: { type: 'number' } },
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { channels: ['voice', 'sms', 'webchat'] } },
    {
      id: 'menu',
      type: 'menu',
      position: { x: 0, y: 120 },
      data: {
        prompt: 'Press 1 for a lost card, 2 for your balance',
        options: [
          { id: 'lost', label: 'Lost card', keys: ['1'], match: ['lost', 'stolen', 'บัตรหาย'] },
          { id: 'balance', label: 'Balance', keys: ['2'], match: ['balance', 'ยอดเงิน'] },
        ],
      },
    },
    { id: 'ask-last4', type: 'collect', position: { x: 0, y: 240 }, data: { prompt: 'Enter the last 4 digits of your card', variable: 'last4', kind: 'digits', minLength: 4, maxLength: 4 } },
    { id: 'sms-link', type: 'channel', position: { x: 0, y: 360 }, data: { channel: 'webchat', via: 'sms', text: 'Continue in chat: {{ link }}' } },
    { id: 'chat-intro', type: 'handoff', position: { x: 0, y: 480 }, data: { queue: 'fraud', skills: ['cards'], summary: 'Lost card {{ vars.last4 }}' } },
    { id: 'bye', type: 'end', position: { x: 0, y: 600 }, data: { outcome: 'resolved' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'menu' },
    { id: 'e2', source: 'menu', sourceHandle: 'lost', target: 'ask-last4' },
    { id: 'e3', source: 'ask-last4', target: 'sms-link' },
    { id: 'e4', source: 'sms-link', sourceHandle: 'continued', target: 'chat-intro' },
    { id: 'e5', source: 'chat-intro', sourceHandle: 'resolved', target: 'bye' },
  ],
};

const flows = flowLibrary([lostCard]);

describe('documents written from DESIGN.md', () => {
  it('runs the format section’s journey', () => {
    const journey = {
      format: 'switchboard/journey@1',
      name: 'caller reports a lost card and finishes in chat',
      flow: 'lost-card',
      contact: { name: 'Somchai', phone: '+66810000001' },
      channel: 'voice',
      now: '2026-03-02T10:00:00+07:00',
      mocks: { http: [{ method: 'GET', url: 'https://crm.example/customers/*', status: 200, json: { tier: 'gold' } }] },
      steps: [
        { expect: { at: 'menu', sent: [{ text: 'Press 1' }] } },
        { customer: { digits: '1' }, expect: { at: 'ask-last4' } },
        { customer: { text: '1234' }, expect: { vars: { last4: '1234' }, sent: [{ channel: 'sms', text: 'Continue in chat' }] } },
        { customer: { channel: 'webchat', text: 'hi again' }, expect: { at: 'chat-intro', handoff: { queue: 'fraud', skills: ['cards'] } } },
        { agent: { reply: 'Your new card is on its way' }, expect: { sent: [{ channel: 'webchat', text: 'new card' }] } },
        { agent: { resolve: true }, expect: { ended: true, outcome: 'resolved' } },
      ],
    };
    const result = runJourney(journey, { flows });
    expect(result.failure).toBeUndefined();
  });

  it('warns only about the handles it leaves unconnected', () => {
    const codes = validateFlow(lostCard).map((d) => `${d.nodeId}:${d.code}`);
    expect(codes.every((code) => code.endsWith(':unconnected-handle'))).toBe(true);
  });

  it('accepts a clock without an offset (read as UTC) and a mock body given as JSON', () => {
    const flow = {
      format: 'switchboard/flow@1',
      id: 'lookup',
      name: 'Lookup',
      variables: { tier: { type: 'string' } },
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'crm', type: 'http', data: { method: 'GET', url: 'https://crm.example/x', save: [{ variable: 'tier', path: 'tier' }] } },
        { id: 'done', type: 'end', data: { text: 'Tier {{ vars.tier }}', outcome: 'looked up' } },
        { id: 'fail', type: 'end', data: { outcome: 'error' } },
      ],
      edges: [
        { source: 'start', target: 'crm' },
        { source: 'crm', sourceHandle: 'ok', target: 'done' },
        { source: 'crm', sourceHandle: 'error', target: 'fail' },
      ],
    };
    const result = runJourney(
      {
        format: 'switchboard/journey@1',
        name: 'lenient',
        flow: 'lookup',
        channel: 'webchat',
        now: '2026-03-02T10:00:00',
        mocks: { http: [{ url: 'https://crm.example/*', body: { tier: 'gold' } }] },
        steps: [{ expect: { ended: true, outcome: 'looked up', sent: [{ equals: 'Tier gold' }] } }],
      },
      { flows: flowLibrary([flow]) },
    );
    expect(result.failure).toBeUndefined();
  });

  it('accepts variable type names it does not act on, weekday names in any case, and a wait with only a reply timeout', () => {
    const flow = {
      format: 'switchboard/flow@1',
      id: 'lenient',
      name: 'Lenient',
      variables: { count: { type: 'integer' }, when: { type: 'date' } },
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'hours', type: 'hours', data: { timezone: 'Asia/Bangkok', weekly: [{ day: 'Monday', open: '09:00', close: '18:00' }] } },
        { id: 'pause', type: 'wait', data: { timeout: '1h' } },
        { id: 'done', type: 'end', data: { text: '{{ vars.count }} {{ vars.when }}' } },
      ],
      edges: [
        { source: 'start', target: 'hours' },
        { source: 'hours', sourceHandle: 'open', target: 'pause' },
        { source: 'hours', sourceHandle: 'closed', target: 'done' },
        { source: 'pause', sourceHandle: 'reply', target: 'done' },
        { source: 'pause', sourceHandle: 'timeout', target: 'done' },
      ],
    };
    expect(validateFlow(flow)).toEqual([]);
    const result = runJourney(
      {
        format: 'switchboard/journey@1',
        name: 'monday',
        flow: 'lenient',
        channel: 'sms',
        now: '2026-03-02T10:00:00+07:00',
        steps: [{ expect: { at: 'pause' } }, { customer: { text: 'hello' }, expect: { ended: true, path: ['done'] } }],
      },
      { flows: flowLibrary([flow]) },
    );
    expect(result.failure).toBeUndefined();
  });
});
