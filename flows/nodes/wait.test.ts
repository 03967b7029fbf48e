import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, nodeFlow, propsOf, simulate, texts } from './testkit';

describe('wait node, mode duration', () => {
  const flow = buildFlow([
    { id: 'pause', type: 'wait', data: { mode: 'duration', duration: '2h' }, to: 'later' },
    { id: 'later', type: 'message', data: { text: 'Two hours later: {{ input.text }}' }, to: 'end:resolved' },
  ]);

  it('waits for the duration, then leaves by next', () => {
    const sim = simulate(flow);
    expect(sim.state()).toMatchObject({ at: 'pause', sent: [] });
    expect(sim.advance('1h59m').at).toBe('pause');
    const state = sim.advance('1m');
    expect(state).toMatchObject({ path: ['later', 'end-resolved'], outcome: 'resolved' });
    expect(state.now).toBe('2026-03-02T05:00:00.000Z');
  });

  it('ignores messages during the wait: they neither end it nor reach input', () => {
    const sim = simulate(flow);
    const during = sim.customer({ text: 'hello?' });
    expect(during).toMatchObject({ at: 'pause', path: [], sent: [] });
    expect(texts(sim.advance('2h'))).toEqual(['Two hours later:']);
  });

  it('ends as abandoned when the customer hangs up during the wait', () => {
    expect(simulate(flow).customer({ hangup: true })).toMatchObject({ ended: true, outcome: 'abandoned' });
  });

  it('binds: only next is active', () => {
    const node = bindNode('wait', { mode: 'duration', duration: '30s' });
    expect(node.handles()).toEqual([
      { id: 'next', active: true },
      { id: 'reply', active: false },
      { id: 'timeout', active: false },
    ]);
    expect(node.summary('en')).toBe('wait 30s');
    expect(node.summary('th')).toBe('รอ 30s');
    expect(node.waits()).toBe(true);
    expect(propsOf('wait', { duration: '1m' })).toEqual({ duration: '1m' });
    expect(bindNode('wait', { duration: '1m' }).handles().filter((h) => h.active).map((h) => h.id)).toEqual(['next']);
  });

  it('binds: without a mode, a wait with only a timeout waits for a reply', () => {
    expect(bindNode('wait', { timeout: '1h' }).handles().filter((h) => h.active).map((h) => h.id)).toEqual(['reply', 'timeout']);
  });
});

describe('wait node, mode reply', () => {
  const flow = buildFlow([
    { id: 'listen', type: 'wait', data: { mode: 'reply', timeout: '10m' }, to: { reply: 'echo', timeout: 'end:timeout' } },
    { id: 'echo', type: 'message', data: { text: 'You said: {{ input.text }}' }, to: 'end:resolved' },
  ]);

  it('leaves by reply with the reply in input.text', () => {
    const state = simulate(flow).customer({ text: 'my parcel is late' });
    expect(texts(state)).toEqual(['You said: my parcel is late']);
    expect(state.path).toEqual(['echo', 'end-resolved']);
  });

  it('takes a reply on any channel and moves the journey there', () => {
    const state = simulate(flow, { channel: 'sms' }).customer({ channel: 'line', text: 'hi from LINE' });
    expect(state.sent).toMatchObject([{ channel: 'line', text: 'You said: hi from LINE' }]);
    expect(state.channel).toBe('line');
  });

  it('leaves by timeout when no reply comes in time', () => {
    const sim = simulate(flow);
    expect(sim.advance('9m59s').at).toBe('listen');
    expect(sim.advance('1s').outcome).toBe('timeout');
  });

  it('a reply cancels the timeout', () => {
    const sim = simulate(buildFlow([
      { id: 'listen', type: 'wait', data: { mode: 'reply', timeout: '10m' }, to: { reply: 'again', timeout: 'end:timeout' } },
      { id: 'again', type: 'wait', data: { mode: 'reply' }, to: { reply: 'end:resolved' } },
    ]));
    sim.customer({ text: 'one' });
    expect(sim.advance('1h').at).toBe('again');
  });

  it('without a timeout waits for ever', () => {
    const sim = simulate(nodeFlow('wait', { mode: 'reply' }));
    expect(sim.advance('30d').at).toBe('wait');
    expect(sim.customer({ text: 'back' }).outcome).toBe('reply');
  });

  it('binds: reply, and timeout only with a timeout', () => {
    const active = (data: Record<string, unknown>) =>
      bindNode('wait', data)
        .handles()
        .filter((handle) => handle.active)
        .map((handle) => handle.id);
    expect(active({ mode: 'reply' })).toEqual(['reply']);
    expect(active({ mode: 'reply', timeout: '1h' })).toEqual(['reply', 'timeout']);
    expect(bindNode('wait', { mode: 'reply', timeout: '1h' }).summary('en')).toBe('wait for a reply ≤ 1h');
    expect(bindNode('wait', { mode: 'reply' }).summary('th')).toBe('รอคำตอบ');
  });
});
