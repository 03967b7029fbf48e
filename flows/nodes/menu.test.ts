import { describe, expect, it } from 'vitest';
import { matchOption } from './menu';
import { bindNode, nodeFlow, propsOf, simulate, texts, type FlowOptions } from './testkit';

const OPTIONS = [
  { id: 'lost', label: 'Lost card', keys: ['1'], match: ['lost', 'stolen', 'บัตรหาย'] },
  { id: 'balance', label: 'Balance', keys: ['2'], match: ['balance', 'ยอดเงิน'] },
];

function menu(data: Record<string, unknown> = {}, options: FlowOptions & { unconnected?: string[] } = {}) {
  return nodeFlow('menu', { prompt: 'Press 1 for a lost card, 2 for your balance', options: OPTIONS, ...data }, options);
}

describe('menu node', () => {
  it('sends the prompt at once and waits in the menu', () => {
    const state = simulate(menu(), { channel: 'voice' }).state();
    expect(texts(state)).toEqual(['Press 1 for a lost card, 2 for your balance']);
    expect(state).toMatchObject({ at: 'menu', ended: false });
  });

  it('picks an option by DTMF key on voice', () => {
    const sim = simulate(menu(), { channel: 'voice' });
    const state = sim.customer({ digits: '2' });
    expect(state).toMatchObject({ outcome: 'balance', path: ['end-balance'] });
  });

  it('sends the options as quick replies on chat and picks one by its button payload', () => {
    const sim = simulate(menu(), { channel: 'webchat' });
    expect(sim.state().sent[0]?.quickReplies).toEqual([
      { id: 'lost', label: 'Lost card' },
      { id: 'balance', label: 'Balance' },
    ]);
    expect(sim.customer({ payload: 'lost' }).outcome).toBe('lost');
  });

  it('sends no quick replies on voice', () => {
    expect(simulate(menu(), { channel: 'voice' }).state().sent[0]?.quickReplies).toBeUndefined();
  });

  it.each([
    ['the label, case-insensitive and trimmed', '  LOST CARD ', 'lost'],
    ['a match word exactly', 'Balance', 'balance'],
    ['a match word inside a sentence', 'my card was stolen yesterday', 'lost'],
    ['a Thai match word inside Thai text without spaces', 'ฉันทำบัตรหายค่ะ', 'lost'],
    ['a Thai match word exactly', 'ยอดเงิน', 'balance'],
    ['a match word next to punctuation', 'Balance, please!', 'balance'],
  ])('picks an option by text: %s', (_what, text, option) => {
    expect(simulate(menu(), { channel: 'webchat' }).customer({ text }).outcome).toBe(option);
  });

  it('finds a Thai match word with SARA AM after another word ("ฉันทำ…")', () => {
    const options = [{ id: 'newcard', label: 'New card', match: ['ทำบัตรใหม่'] }];
    const state = simulate(menu({ options, maxRetries: 0 }), { channel: 'line' }).customer({ text: 'ฉันทำบัตรใหม่ค่ะ' });
    expect(state.outcome).toBe('newcard');
  });

  it('does not pick an option by a match word glued inside a longer word', () => {
    const state = simulate(menu({ maxRetries: 0 }), { channel: 'webchat' }).customer({ text: 'lostcard' });
    expect(state.outcome).toBe('noMatch');
  });

  it('takes a typed digit on SMS as a key', () => {
    expect(simulate(menu(), { channel: 'sms' }).customer({ text: '1' }).outcome).toBe('lost');
  });

  it('on a bad answer sends noMatchText then the reprompt, stays in the node, and enters nothing', () => {
    const sim = simulate(menu({ noMatchText: 'Sorry, I did not get that.', reprompt: 'Press 1 or 2.' }), { channel: 'voice' });
    const state = sim.customer({ digits: '9' });
    expect(texts(state)).toEqual(['Sorry, I did not get that.', 'Press 1 or 2.']);
    expect(state).toMatchObject({ at: 'menu', path: [] });
  });

  it('reprompts with the prompt when no reprompt is given, and then still accepts a good answer', () => {
    const sim = simulate(menu(), { channel: 'voice' });
    expect(texts(sim.customer({ digits: '7' }))).toEqual(['Press 1 for a lost card, 2 for your balance']);
    expect(sim.customer({ digits: '1' }).outcome).toBe('lost');
  });

  it('uses one retry per bad answer and leaves by noMatch when none is left (default 2 retries)', () => {
    const sim = simulate(menu({ noMatchText: 'Sorry.' }), { channel: 'voice' });
    expect(sim.customer({ digits: '9' }).at).toBe('menu');
    expect(sim.customer({ text: 'what?' }).at).toBe('menu');
    const last = sim.customer({ digits: '0' });
    expect(texts(last)).toEqual([]);
    expect(last).toMatchObject({ ended: true, outcome: 'noMatch', path: ['end-nomatch'] });
  });

  it('with maxRetries 0 leaves by noMatch on the first bad answer', () => {
    const state = simulate(menu({ maxRetries: 0, noMatchText: 'Sorry.' }), { channel: 'voice' }).customer({ digits: '5' });
    expect(state).toMatchObject({ outcome: 'noMatch' });
    expect(texts(state)).toEqual([]);
  });

  it('times out after 10s by default: a silence is a retry, and after the retries it leaves by noInput', () => {
    const sim = simulate(menu({ noMatchText: 'Sorry, I did not hear you.' }), { channel: 'voice' });
    expect(sim.advance('9s').sent).toEqual([]);
    const first = sim.advance('1s');
    expect(texts(first)).toEqual(['Sorry, I did not hear you.', 'Press 1 for a lost card, 2 for your balance']);
    expect(first.path).toEqual([]);
    expect(sim.advance('10s').at).toBe('menu');
    expect(sim.advance('10s')).toMatchObject({ ended: true, outcome: 'noInput' });
  });

  it('a bad answer and a silence each use one retry from the same budget', () => {
    const sim = simulate(menu({ maxRetries: 1 }), { channel: 'voice' });
    expect(sim.customer({ digits: '9' }).at).toBe('menu');
    expect(sim.advance('10s').outcome).toBe('noInput');
  });

  it('restarts the no-input timer after each reprompt', () => {
    const sim = simulate(menu({ timeout: '30s' }), { channel: 'voice' });
    sim.advance('20s');
    sim.customer({ digits: '9' });
    expect(sim.advance('29s').sent).toEqual([]);
    expect(texts(sim.advance('1s'))).toEqual(['Press 1 for a lost card, 2 for your balance']);
  });

  it('with maxRetries 0 a silence leaves by noInput at once', () => {
    expect(simulate(menu({ maxRetries: 0 }), { channel: 'voice' }).advance('10s').outcome).toBe('noInput');
  });

  it('ends as unhandled when the handle taken is not connected', () => {
    const flow = menu({}, { unconnected: ['balance'] });
    expect(simulate(flow, { channel: 'voice' }).customer({ digits: '2' })).toMatchObject({ ended: true, outcome: 'unhandled' });
  });

  it('ends as abandoned when the caller hangs up', () => {
    expect(simulate(menu(), { channel: 'voice' }).customer({ hangup: true })).toMatchObject({ ended: true, outcome: 'abandoned' });
  });

  it('binds: a handle per option (labelled) plus noMatch and noInput; maxRetries defaults to 2', () => {
    const node = bindNode('menu', { prompt: 'Choose', options: OPTIONS });
    expect(node.handles()).toEqual([
      { id: 'lost', label: 'Lost card', active: true },
      { id: 'balance', label: 'Balance', active: true },
      { id: 'noMatch', active: true },
      { id: 'noInput', active: true },
    ]);
    expect(node.summary('en')).toBe('Choose → Lost card · Balance');
    expect(node.summary('th')).toBe('Choose → Lost card · Balance');
    expect(node.waits()).toBe(true);
    expect(propsOf('menu', { prompt: 'p', options: OPTIONS })).toMatchObject({ maxRetries: 2 });
  });
});

describe('matchOption', () => {
  it('prefers an exact match over a contained word', () => {
    const options = [
      { id: 'card', label: 'Card', match: ['card'] },
      { id: 'lost', label: 'Lost card', match: ['lost card'] },
    ];
    expect(matchOption({ text: 'lost card' }, options)).toBe('lost');
    expect(matchOption({ text: 'new card please' }, options)).toBe('card');
  });

  it('matches nothing for empty text, unknown keys or payloads', () => {
    expect(matchOption({ text: '   ' }, OPTIONS)).toBeUndefined();
    expect(matchOption({ digits: '3' }, OPTIONS)).toBeUndefined();
    expect(matchOption({ payload: 'nope' }, OPTIONS)).toBeUndefined();
  });
});

describe('menu node: labels per locale', () => {
  const options = [
    { id: 'lost', label: { 'th-TH': 'บัตรหาย', 'en-US': 'Lost card' }, keys: ['1'] },
    { id: 'balance', label: { 'th-TH': 'ยอดเงิน', 'en-US': 'Balance' }, keys: ['2'] },
  ];
  const flow = nodeFlow('menu', { prompt: { 'th-TH': 'เลือกเมนู', 'en-US': 'Choose' }, options }, { locale: 'th-TH' });

  it('shows each contact the buttons in their language', () => {
    const thai = simulate(flow, { channel: 'webchat' }).state().sent[0]!;
    const english = simulate(flow, { channel: 'webchat', contact: { locale: 'en-US' } }).state().sent[0]!;
    expect(thai.quickReplies).toEqual([{ id: 'lost', label: 'บัตรหาย' }, { id: 'balance', label: 'ยอดเงิน' }]);
    expect(english).toMatchObject({ text: 'Choose', quickReplies: [{ id: 'lost', label: 'Lost card' }, { id: 'balance', label: 'Balance' }] });
  });

  it('matches a typed label in any of its languages', () => {
    expect(simulate(flow, { channel: 'webchat' }).customer({ text: 'balance' }).outcome).toBe('balance');
    expect(simulate(flow, { channel: 'webchat', contact: { locale: 'en-US' } }).customer({ text: 'บัตรหาย' }).outcome).toBe('lost');
  });

  it('sends no buttons on SMS, voice or email', () => {
    for (const channel of ['sms', 'voice', 'email'] as const) {
      expect(simulate(flow, { channel }).state().sent[0]!.quickReplies).toBeUndefined();
    }
  });
});
