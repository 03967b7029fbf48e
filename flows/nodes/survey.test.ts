import { describe, expect, it } from 'vitest';
import type { Channel } from '../schema/common';
import { scoreAnswer } from './survey';
import { bindNode, buildFlow, nodeFlow, propsOf, simulate, texts } from './testkit';

const QUESTION = { csat: 'How satisfied were you, 1 to 5?', nps: 'How likely are you to recommend us, 0 to 10?', text: 'Anything we could do better?' };

function survey(kind: 'csat' | 'nps' | 'text', data: Record<string, unknown> = {}, channel: Channel = 'webchat') {
  return simulate(nodeFlow('survey', { kind, question: QUESTION[kind], variable: 'score', ...data }), { channel });
}

describe('survey node', () => {
  it('asks at once on the current channel, with score buttons on chat', () => {
    const state = survey('csat').state();
    expect(state.sent).toEqual([
      expect.objectContaining({ channel: 'webchat', text: QUESTION.csat, quickReplies: [1, 2, 3, 4, 5].map((n) => ({ id: `${n}`, label: `${n}` })) }),
    ]);
    expect(state.at).toBe('survey');
    expect(survey('nps').state().sent[0]?.quickReplies).toHaveLength(11);
    expect(survey('text').state().sent[0]?.quickReplies).toBeUndefined();
    expect(survey('csat', {}, 'voice').state().sent[0]?.quickReplies).toBeUndefined();
  });

  it('stores a CSAT score as a number, leaves by done and records a metric', () => {
    const state = survey('csat').customer({ text: '4' });
    expect(state).toMatchObject({ outcome: 'done', vars: { score: 4 } });
    expect(state.metrics).toEqual([{ name: 'csat', value: 4, node: 'survey' }]);
  });

  it('accepts a button click, keypad digits and a number inside text', () => {
    expect(survey('csat').customer({ payload: '5' }).vars.score).toBe(5);
    expect(survey('csat', {}, 'voice').customer({ digits: '3' }).vars.score).toBe(3);
    expect(survey('nps').customer({ text: "I'd say 9" }).vars.score).toBe(9);
    expect(survey('nps').customer({ text: '๑๐ คะแนน' }).vars.score).toBe(10);
  });

  it.each([
    ['csat', '1', 1],
    ['csat', '5', 5],
    ['nps', '0', 0],
    ['nps', '10', 10],
  ] as const)('%s accepts the range end %s', (kind, text, value) => {
    expect(survey(kind).customer({ text }).vars.score).toBe(value);
  });

  it('stores free text as text and records it as a metric', () => {
    const state = survey('text').customer({ text: '  Faster answers please ' });
    expect(state).toMatchObject({ outcome: 'done', vars: { score: 'Faster answers please' } });
    expect(state.metrics).toEqual([{ name: 'text', value: 'Faster answers please', node: 'survey' }]);
  });

  it('re-asks once after an answer out of range (default maxRetries 1), then leaves by noResponse', () => {
    const sim = survey('csat');
    const retry = sim.customer({ text: '0' });
    expect(texts(retry)).toEqual([QUESTION.csat]);
    expect(retry).toMatchObject({ at: 'survey', path: [] });
    const last = sim.customer({ text: '6' });
    expect(last).toMatchObject({ ended: true, outcome: 'noResponse', vars: {}, metrics: [] });
  });

  it('an out-of-range NPS and a non-number are both unusable', () => {
    const sim = survey('nps', { maxRetries: 2 });
    expect(sim.customer({ text: '11' }).at).toBe('survey');
    expect(sim.customer({ text: 'great' }).at).toBe('survey');
    expect(sim.customer({ text: '8' }).vars.score).toBe(8);
  });

  it('re-asks when nobody answers within a day by default, then leaves by noResponse', () => {
    const sim = survey('csat');
    expect(sim.advance('23h').sent).toEqual([]);
    expect(texts(sim.advance('1h'))).toEqual([QUESTION.csat]);
    expect(sim.advance('1d').outcome).toBe('noResponse');
  });

  it('honours its own timeout and retries', () => {
    const sim = survey('csat', { timeout: '1h', maxRetries: 0 });
    expect(sim.advance('1h').outcome).toBe('noResponse');
  });

  it('with a delay asks only when the delay is over', () => {
    const sim = survey('csat', { delay: '2h' });
    expect(sim.state()).toMatchObject({ at: 'survey', sent: [] });
    expect(sim.advance('1h59m').sent).toEqual([]);
    expect(texts(sim.advance('1m'))).toEqual([QUESTION.csat]);
    // The answer timeout counts from the question, not from entering the node.
    expect(sim.advance('23h59m').sent).toEqual([]);
    expect(sim.customer({ text: '5' }).vars.score).toBe(5);
  });

  it('asks on another channel and takes the answer there', () => {
    const sim = survey('csat', { channel: 'sms', delay: '1h' }, 'voice');
    const asked = sim.advance('1h');
    expect(asked.sent).toMatchObject([{ channel: 'sms', text: QUESTION.csat }]);
    expect(asked.channel).toBe('sms');
    expect(sim.customer({ text: '5' })).toMatchObject({ outcome: 'done', vars: { score: 5 } });
  });

  it('a survey on another channel survives the caller hanging up the call', () => {
    const flow = buildFlow([
      { id: 'bye', type: 'message', data: { text: 'Thank you for calling.' }, to: 'csat' },
      { id: 'csat', type: 'survey', data: { kind: 'csat', question: QUESTION.csat, variable: 'score', channel: 'sms', delay: '10m' }, to: { done: 'end:resolved', noResponse: 'end:noResponse' } },
    ]);
    const sim = simulate(flow, { channel: 'voice' });
    expect(sim.customer({ hangup: true })).toMatchObject({ at: 'csat', ended: false });
    expect(sim.advance('10m').sent).toMatchObject([{ channel: 'sms' }]);
    expect(sim.customer({ text: '4' })).toMatchObject({ outcome: 'resolved', vars: { score: 4 } });
  });

  it('a survey on the current channel ends as abandoned when the customer leaves', () => {
    expect(survey('csat').customer({ hangup: true })).toMatchObject({ ended: true, outcome: 'abandoned' });
  });

  it('binds: done and noResponse; the summary shows kind, delay, channel and question', () => {
    const node = bindNode('survey', { kind: 'nps', question: 'Recommend us?', variable: 'nps', delay: '1h', channel: 'sms' });
    expect(node.handles().map((handle) => handle.id)).toEqual(['done', 'noResponse']);
    expect(node.summary('en')).toBe('NPS +1h · sms · Recommend us?');
    expect(node.summary('th')).toBe('NPS +1h · sms · Recommend us?');
    expect(propsOf('survey', { kind: 'csat', question: 'q', variable: 'x' })).toMatchObject({ maxRetries: 1 });
  });
});

describe('scoreAnswer', () => {
  it('reads one number in range, else nothing', () => {
    expect(scoreAnswer({ text: '4 stars' }, 'csat')).toBe(4);
    expect(scoreAnswer({ text: '4 or 5' }, 'csat')).toBeUndefined();
    expect(scoreAnswer({ text: '' }, 'text')).toBeUndefined();
    expect(scoreAnswer({ digits: '7' }, 'nps')).toBe(7);
    expect(scoreAnswer({ text: '๕' }, 'csat')).toBe(5);
  });
});
