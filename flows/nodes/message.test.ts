import { describe, expect, it } from 'vitest';
import { bindNode, buildFlow, simulate, texts } from './testkit';

/** start → message → an end that waits nothing, so the message is all the step sends. */
function messageFlow(data: Record<string, unknown>, options: Parameters<typeof buildFlow>[1] = {}) {
  return buildFlow([{ id: 'hello', type: 'message', data, to: 'end:resolved' }], options);
}

describe('message node', () => {
  it('sends its text at once and goes on by next', () => {
    const state = simulate(messageFlow({ text: 'Welcome to Switchboard Bank' })).state();
    expect(state.sent).toMatchObject([{ channel: 'webchat', text: 'Welcome to Switchboard Bank', author: 'bot', node: 'hello' }]);
    expect(state.path).toEqual(['start', 'hello', 'end-resolved']);
    expect(state).toMatchObject({ ended: true, outcome: 'resolved' });
  });

  it('renders Liquid variables from vars, contact, channel and conversation', () => {
    const flow = messageFlow(
      { text: 'Hi {{ contact.name }}, card *{{ vars.last4 }} on {{ channel }} ({{ conversation.id }}) {{ contact.attributes.tier | upcase }}' },
      { variables: { last4: { type: 'string', default: '1234' } } },
    );
    const state = simulate(flow, {
      channel: 'sms',
      conversationId: 'c-42',
      contact: { name: 'Somchai', attributes: { tier: 'gold' } },
    }).state();
    expect(texts(state)).toEqual(['Hi Somchai, card *1234 on sms (c-42) GOLD']);
  });

  it('chooses a per-locale text by contact.locale, then by the flow locale', () => {
    const flow = messageFlow({ text: { 'en-US': 'Hello', 'th-TH': 'สวัสดีค่ะ' } }, { locale: 'th-TH' });
    expect(texts(simulate(flow, { contact: { locale: 'en-US' } }).state())).toEqual(['Hello']);
    // Same language, another region still prefers English over the flow's Thai.
    expect(texts(simulate(flow, { contact: { locale: 'en-GB' } }).state())).toEqual(['Hello']);
    expect(texts(simulate(flow, { contact: { locale: 'ja-JP' } }).state())).toEqual(['สวัสดีค่ะ']);
    expect(texts(simulate(flow).state())).toEqual(['สวัสดีค่ะ']);
  });

  it('chooses a per-channel variant: the channel, else default', () => {
    const flow = messageFlow({ text: { default: 'Tap the link below', voice: 'We will text you a link' } });
    expect(texts(simulate(flow, { channel: 'voice' }).state())).toEqual(['We will text you a link']);
    expect(texts(simulate(flow, { channel: 'line' }).state())).toEqual(['Tap the link below']);
  });

  it('resolves locale and channel maps nested in each other', () => {
    const flow = messageFlow(
      { text: { 'th-TH': { default: 'กดลิงก์', voice: 'เราจะส่ง SMS' }, 'en-US': { default: 'Tap the link', voice: 'We will text you' } } },
      { locale: 'th-TH' },
    );
    expect(texts(simulate(flow, { channel: 'voice' }).state())).toEqual(['เราจะส่ง SMS']);
    expect(texts(simulate(flow, { channel: 'webchat', contact: { locale: 'en-US' } }).state())).toEqual(['Tap the link']);
  });

  it('sends quick replies and media on chat channels only; voice gets the text alone', () => {
    const data = {
      text: 'Was this helpful?',
      quickReplies: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }],
      mediaUrl: 'https://cdn.example/card.png',
    };
    const chat = simulate(messageFlow(data), { channel: 'webchat' }).state();
    expect(chat.sent[0]).toMatchObject({ quickReplies: data.quickReplies, mediaUrl: data.mediaUrl });
    const voice = simulate(messageFlow(data), { channel: 'voice' }).state();
    expect(voice.sent[0]?.text).toBe('Was this helpful?');
    expect(voice.sent[0]?.quickReplies).toBeUndefined();
  });

  it('sends nothing for a text that renders empty, and still goes on', () => {
    const state = simulate(messageFlow({ text: '{{ vars.missing }}' }, { variables: { missing: {} } })).state();
    expect(state.sent).toEqual([]);
    expect(state.outcome).toBe('resolved');
  });

  it('ends the conversation as unhandled when next is not connected', () => {
    const flow = buildFlow([{ id: 'hello', type: 'message', data: { text: 'Hi' } }]);
    expect(simulate(flow).state()).toMatchObject({ ended: true, outcome: 'unhandled' });
  });

  it('binds: one next handle, a summary that previews the text', () => {
    const node = bindNode('message', { text: { 'th-TH': 'สวัสดีค่ะ   ยินดีต้อนรับ', 'en-US': 'Hello' } });
    expect(node.handles()).toEqual([{ id: 'next', active: true }]);
    expect(node.summary('en')).toBe('สวัสดีค่ะ ยินดีต้อนรับ');
    expect(bindNode('message', { text: 'x'.repeat(100) }).summary('th')).toHaveLength(60);
    expect(node.waits()).toBe(false);
  });
});
