// How a voice answer ends and what its TwiML looks like, for each place a journey can stand.
import { describe, expect, it } from 'vitest';
import { gatherFor, voiceEnding } from './ending';
import { renderTwiml, twilioLanguage } from './twiml';
import type { VoiceState } from './voiceState';

const urls = { gather: 'https://sb.example/g?step=2', resume: 'https://sb.example/r?step=2' };
const now = new Date('2026-03-02T10:00:00Z');
const options = { handoffDial: undefined, cameBackFromHandoff: false, now };
const state = (patch: Partial<VoiceState>): VoiceState => ({
  conversationId: 'c',
  status: 'active',
  at: 'n',
  queue: null,
  caughtUp: true,
  timer: null,
  locale: 'en-US',
  channel: 'voice',
  node: undefined,
  ...patch,
});

describe('voice endings', () => {
  it('listens in a menu, taking one key at a time only when every key has one length', () => {
    const menu = (keys: string[][]) => ({ type: 'menu', data: { options: keys.map((k, i) => ({ id: `o${i}`, label: 'x', keys: k })), timeout: '7s' } });
    expect(gatherFor(menu([['1'], ['2']]), urls.gather)).toEqual({ action: urls.gather, timeout: 7, numDigits: 1, finishOnKey: '#', input: ['dtmf', 'speech'] });
    expect(gatherFor(menu([['1'], ['22']]), urls.gather).numDigits).toBeUndefined();
    expect(gatherFor(menu([['1'], ['#']]), urls.gather)).toMatchObject({ numDigits: 1, finishOnKey: '' });
    expect(gatherFor({ type: 'collect', data: { kind: 'digits', maxLength: 6 } }, urls.gather)).toMatchObject({ numDigits: 6, timeout: 10 });
    expect(gatherFor({ type: 'collect', data: { kind: 'text', maxLength: 6 } }, urls.gather).numDigits).toBeUndefined();
    expect(gatherFor({ type: 'intent', data: {} }, urls.gather).input).toEqual(['speech']);
  });

  it('queues, dials, waits, hangs up', () => {
    expect(voiceEnding(state({ status: 'handoff', queue: 'fraud' }), urls, options)).toEqual({ kind: 'handoff', queue: 'fraud', dial: undefined, action: urls.resume });
    expect(voiceEnding(state({ status: 'handoff', queue: 'fraud' }), urls, { ...options, handoffDial: '+6621110000' })).toMatchObject({ dial: '+6621110000' });
    expect(voiceEnding(state({ status: 'handoff' }), urls, { ...options, cameBackFromHandoff: true })).toEqual({ kind: 'hangup' });
    expect(voiceEnding(state({ status: 'ended' }), urls, options)).toEqual({ kind: 'hangup' });
    const waiting = state({ node: { type: 'wait', data: {} }, timer: { token: 't1', due: '2026-03-02T10:00:04Z' } });
    expect(voiceEnding(waiting, urls, options)).toEqual({ kind: 'pause', seconds: 4, redirect: urls.resume });
    expect(voiceEnding(state({ node: { type: 'channel', data: {} } }), urls, options)).toEqual({ kind: 'hangup' });
    // A CSAT sent by SMS after the call is not asked on the call.
    expect(voiceEnding(state({ node: { type: 'survey', data: { channel: 'sms' } } }), urls, options)).toEqual({ kind: 'hangup' });
    expect(voiceEnding(state({ node: { type: 'http', data: {} } }), urls, options)).toEqual({ kind: 'pause', seconds: 1, redirect: urls.resume });
  });

  it('renders Says with Twilio language codes, escaped', () => {
    expect(twilioLanguage('th')).toBe('th-TH');
    expect(twilioLanguage('en-gb')).toBe('en-GB');
    expect(twilioLanguage('xx-YY')).toBeUndefined();
    const xml = renderTwiml(['Tom & Jerry <3'], 'th', { kind: 'pause', seconds: 2, redirect: 'https://sb.example/r?step=2&x=1' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="th-TH">Tom &amp; Jerry &lt;3</Say><Pause length="2"/><Redirect method="POST">https://sb.example/r?step=2&amp;x=1</Redirect></Response>',
    );
    expect(renderTwiml([], 'xx', { kind: 'handoff', queue: 'q', dial: '+6621110000', action: 'https://a' })).toContain('<Dial action="https://a" method="POST"><Number>+6621110000</Number></Dial>');
  });
});
