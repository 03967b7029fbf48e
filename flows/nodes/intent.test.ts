import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, nodeFlow, propsOf, simulate, texts } from './testkit';

const INTENTS = [
  { id: 'lost', label: 'Lost card', examples: ['I lost my card', 'my card was stolen', 'บัตรหาย', 'บัตรถูกขโมย'] },
  { id: 'balance', label: 'Balance', examples: ['what is my balance', 'how much money do I have', 'เช็คยอดเงิน', 'ยอดเงินคงเหลือเท่าไหร่'] },
  { id: 'agent', examples: ['talk to a person', 'speak to an agent', 'ขอคุยกับเจ้าหน้าที่'] },
];

function intent(data: Record<string, unknown> = {}) {
  return nodeFlow('intent', { prompt: 'How can I help?', intents: INTENTS, variable: 'topic', ...data }, { variables: { topic: { type: 'string' } } });
}

function classify(text: string, data: Record<string, unknown> = {}) {
  const state = simulate(intent(data)).customer({ text });
  return state.outcome;
}

describe('intent node', () => {
  it('sends its prompt at once and waits for the customer', () => {
    const state = simulate(intent()).state();
    expect(texts(state)).toEqual(['How can I help?']);
    expect(state.at).toBe('intent');
  });

  it.each([
    ['I think my card got stolen', 'lost'],
    ['Lost card!', 'lost'],
    ["What's my balance?", 'balance'],
    ['can I talk to an agent please', 'agent'],
    ['ฉันทำบัตรหายค่ะ', 'lost'],
    ['บัตรเครดิตถูกขโมยครับ', 'lost'],
    ['อยากเช็คยอดเงินค่ะ', 'balance'],
    ['ขอคุยกับเจ้าหน้าที่หน่อยครับ', 'agent'],
  ])('classifies %j as %s', (text, expected) => {
    expect(classify(text)).toBe(expected);
  });

  it('leaves by fallback when nothing clears the threshold', () => {
    expect(classify('the weather is nice today')).toBe('fallback');
    expect(classify('อากาศดีจัง')).toBe('fallback');
  });

  it('a higher threshold sends weaker matches to fallback', () => {
    const text = 'my card is not working';
    expect(classify(text, { threshold: 0.3 })).toBe('lost');
    expect(classify(text, { threshold: 1 })).toBe('fallback');
  });

  it('is not confident when a message fits two intents equally', () => {
    expect(classify('my card is not working and I want my balance', { threshold: 0.3 })).toBe('fallback');
  });

  it('stores the intent id in its variable, and exposes input.intent to templates', () => {
    const flow = buildFlow(
      [
        { id: 'ask', type: 'intent', data: { prompt: 'How can I help?', intents: INTENTS, variable: 'topic' }, to: { lost: 'tell', balance: 'tell', agent: 'tell', fallback: 'end:fallback' } },
        { id: 'tell', type: 'message', data: { text: 'Intent {{ input.intent }} / {{ vars.topic }}' }, to: 'end:resolved' },
      ],
      { variables: { topic: { type: 'string' } } },
    );
    const state = simulate(flow).customer({ text: 'I lost my card' });
    expect(texts(state)).toEqual(['Intent lost / lost']);
    expect(state.vars.topic).toBe('lost');
  });

  it('does not set its variable on fallback', () => {
    const state = simulate(intent()).customer({ text: 'hmm' });
    expect(state.outcome).toBe('fallback');
    expect(state.vars.topic).toBeUndefined();
  });

  it('without a prompt, classifies the reply a wait just received', () => {
    const flow = buildFlow([
      { id: 'hello', type: 'message', data: { text: 'Hi! Tell me what you need.' }, to: 'listen' },
      { id: 'listen', type: 'wait', data: { mode: 'reply', timeout: '5m' }, to: { reply: 'route', timeout: 'end:timeout' } },
      { id: 'route', type: 'intent', data: { intents: INTENTS }, to: { lost: 'end:lost', balance: 'end:balance', agent: 'end:agent', fallback: 'end:fallback' } },
    ]);
    const state = simulate(flow).customer({ text: 'my card was stolen' });
    expect(state.path).toEqual(['route', 'end-lost']);
    expect(state.outcome).toBe('lost');
  });

  it('without a prompt, classifies the message that continued the journey on a new channel', () => {
    const flow = buildFlow([
      { id: 'to-chat', type: 'channel', data: { channel: 'webchat', via: 'sms', text: 'Chat with us: {{ link }}' }, to: { continued: 'route', timeout: 'end:timeout' } },
      { id: 'route', type: 'intent', data: { intents: INTENTS }, to: { lost: 'end:lost', balance: 'end:balance', agent: 'end:agent', fallback: 'end:fallback' } },
    ]);
    expect(simulate(flow, { channel: 'voice' }).customer({ channel: 'webchat', text: 'ยอดเงินคงเหลือเท่าไหร่คะ' }).outcome).toBe('balance');
  });

  it('without a prompt, waits for the next message when the bot has spoken since the last one', () => {
    const flow = buildFlow([
      { id: 'listen', type: 'wait', data: { mode: 'reply' }, to: { reply: 'thanks' } },
      { id: 'thanks', type: 'message', data: { text: 'Thanks. Anything else?' }, to: 'route' },
      { id: 'route', type: 'intent', data: { intents: INTENTS }, to: { lost: 'end:lost', balance: 'end:balance', agent: 'end:agent', fallback: 'end:fallback' } },
    ]);
    const sim = simulate(flow);
    const first = sim.customer({ text: 'my card was stolen' });
    expect(first.at).toBe('route');
    expect(sim.customer({ text: 'what is my balance' }).outcome).toBe('balance');
  });

  it('without a prompt at the start of a conversation, waits for the first message', () => {
    const sim = simulate(nodeFlow('intent', { intents: INTENTS }));
    expect(sim.state()).toMatchObject({ at: 'intent', sent: [] });
    expect(sim.customer({ text: 'บัตรหาย' }).outcome).toBe('lost');
  });

  it('binds: a handle per intent (label or id) plus fallback; threshold defaults to 0.5', () => {
    const node = bindNode('intent', { intents: INTENTS });
    expect(node.handles()).toEqual([
      { id: 'lost', label: 'Lost card', active: true },
      { id: 'balance', label: 'Balance', active: true },
      { id: 'agent', label: 'agent', active: true },
      { id: 'fallback', active: true },
    ]);
    expect(node.summary('en')).toBe('Lost card · Balance · agent');
    expect(node.summary('th')).toBe('Lost card · Balance · agent');
    expect(propsOf('intent', { intents: INTENTS })).toMatchObject({ threshold: 0.5 });
  });
});

describe('intent node: quick replies', () => {
  it('takes a clicked quick reply whose payload is an intent id, without classifying', () => {
    const state = simulate(intent()).customer({ payload: 'balance' });
    expect(state.outcome).toBe('balance');
    expect(state.vars.topic).toBe('balance');
  });
});
