import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, simulate, texts } from './testkit';

function moveFlow(data: Record<string, unknown> = {}) {
  return buildFlow([
    {
      id: 'to-chat',
      type: 'channel',
      data: { channel: 'webchat', via: 'sms', text: 'Continue in chat: {{ link }}', ...data },
      to: { continued: 'welcome', timeout: 'end:timeout' },
    },
    { id: 'welcome', type: 'message', data: { text: 'Welcome to chat, you wrote "{{ input.text }}" on {{ channel }}' }, to: 'end:resolved' },
  ]);
}

describe('channel node', () => {
  it('sends its text on `via` with a link that opens the journey on the new channel, then waits', () => {
    const state = simulate(moveFlow(), { channel: 'voice', conversationId: 'conv 1' }).state();
    expect(state.sent).toEqual([
      expect.objectContaining({ channel: 'sms', text: 'Continue in chat: https://switchboard.local/continue/conv%201?channel=webchat' }),
    ]);
    expect(state).toMatchObject({ at: 'to-chat', channel: 'voice' });
  });

  it('asks for a link that expires with the node timeout, counted from the event time (a replay makes the same link)', () => {
    const asked: unknown[] = [];
    const services = { continueLink: (args: unknown) => (asked.push(args), 'https://x.test/l') };
    simulate(moveFlow({ timeout: '2h' }), { channel: 'voice', conversationId: 'c1', services });
    simulate(moveFlow(), { channel: 'voice', conversationId: 'c1', services });
    expect(asked).toEqual([
      { conversationId: 'c1', channel: 'webchat', contact: expect.any(Object), expiresAt: '2026-03-02T05:00:00.000Z' },
      { conversationId: 'c1', channel: 'webchat', contact: expect.any(Object), expiresAt: '2026-03-03T03:00:00.000Z' },
    ]);
  });

  it('sends on the new channel itself when no via is given', () => {
    const state = simulate(moveFlow({ channel: 'line', via: undefined, text: 'Hi on LINE' }), { channel: 'voice' }).state();
    expect(state.sent).toMatchObject([{ channel: 'line', text: 'Hi on LINE' }]);
  });

  it('continues when the contact writes on the new channel, which becomes the journey channel', () => {
    const sim = simulate(moveFlow(), { channel: 'voice' });
    const state = sim.customer({ channel: 'webchat', text: 'hi again' });
    expect(state.path).toEqual(['welcome', 'end-resolved']);
    expect(state.sent).toMatchObject([{ channel: 'webchat', text: 'Welcome to chat, you wrote "hi again" on webchat' }]);
    expect(state.channel).toBe('webchat');
  });

  it('ignores messages on any other channel', () => {
    const sim = simulate(moveFlow(), { channel: 'voice' });
    expect(sim.customer({ digits: '1' })).toMatchObject({ at: 'to-chat', path: [], sent: [] });
    expect(sim.customer({ channel: 'sms', text: 'ok' })).toMatchObject({ at: 'to-chat', path: [] });
    expect(sim.customer({ channel: 'webchat', text: 'here' }).outcome).toBe('resolved');
  });

  it('keeps waiting when the caller hangs up the old channel: moving on is the point', () => {
    const sim = simulate(moveFlow(), { channel: 'voice' });
    expect(sim.customer({ hangup: true })).toMatchObject({ at: 'to-chat', ended: false });
    expect(sim.customer({ channel: 'webchat', text: 'hello' }).outcome).toBe('resolved');
  });

  it('ends as abandoned when the contact leaves the new channel', () => {
    const sim = simulate(moveFlow(), { channel: 'voice' });
    expect(sim.customer({ hangup: true, channel: 'webchat' })).toMatchObject({ ended: true, outcome: 'abandoned' });
  });

  it('leaves by timeout after 1 day by default, or its own timeout', () => {
    const sim = simulate(moveFlow(), { channel: 'voice' });
    expect(sim.advance('23h59m').at).toBe('to-chat');
    expect(sim.advance('1m').outcome).toBe('timeout');
    expect(simulate(moveFlow({ timeout: '15m' }), { channel: 'voice' }).advance('15m').outcome).toBe('timeout');
  });

  it('renders a per-channel text for the channel it is sent on', () => {
    const state = simulate(moveFlow({ text: { default: 'Chat: {{ link }}', sms: 'SMS: {{ link }}' } }), { channel: 'voice' }).state();
    expect(texts(state)[0]).toMatch(/^SMS: https:\/\//);
  });

  it('binds: continued and timeout; the summary shows the route', () => {
    const node = bindNode('channel', { channel: 'webchat', via: 'sms', text: '{{ link }}' });
    expect(node.handles().map((handle) => handle.id)).toEqual(['continued', 'timeout']);
    expect(node.summary('en')).toBe('sms → webchat');
    expect(node.summary('th')).toBe('sms → webchat');
    expect(bindNode('channel', { channel: 'line', text: 'x' }).summary('en')).toBe('line → line');
  });
});
