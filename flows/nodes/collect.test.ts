import { describe, expect, it } from 'vitest';
import type { Channel } from '../schema/common';
import type { CustomerAction } from '../simulate/simulation';
import { bindNode, nodeFlow, propsOf, simulate, texts } from './testkit';

function collect(data: Record<string, unknown>) {
  return nodeFlow('collect', { prompt: 'Your answer?', variable: 'answer', ...data });
}

/** The first reply to a collect node: where it left and what it stored. */
function answer(data: Record<string, unknown>, reply: CustomerAction, channel: Channel = 'webchat') {
  const state = simulate(collect({ maxRetries: 0, ...data }), { channel }).customer(reply);
  return { handle: state.outcome, value: state.vars.answer };
}

describe('collect node', () => {
  it('sends the prompt at once and waits', () => {
    const state = simulate(collect({ kind: 'text', prompt: 'What is your name, {{ contact.name }}?' }), { contact: { name: 'Ann' } }).state();
    expect(texts(state)).toEqual(['What is your name, Ann?']);
    expect(state.at).toBe('collect');
  });

  it.each([
    ['text', { text: '  Somchai Jaidee ' }, 'Somchai Jaidee'],
    ['number', { text: '42' }, 42],
    ['number', { text: '1,250.50' }, 1250.5],
    ['number', { text: '-3' }, -3],
    ['number', { text: '๔๒' }, 42],
    ['digits', { text: '1234' }, '1234'],
    ['digits', { text: '1234 5678' }, '12345678'],
    ['email', { text: ' ann@example.com ' }, 'ann@example.com'],
    ['phone', { text: '081-234-5678' }, '0812345678'],
    ['phone', { text: '+66 81 234 5678' }, '+66812345678'],
    ['date', { text: '2026-03-15' }, '2026-03-15'],
    ['date', { text: '15/03/2026' }, '2026-03-15'],
    ['date', { text: '5-3-2026' }, '2026-03-05'],
    ['date', { text: '15/03/2569' }, '2026-03-15'],
    ['yesno', { text: 'Yes' }, true],
    ['yesno', { text: 'n' }, false],
    ['yesno', { text: 'ใช่' }, true],
    ['yesno', { text: 'ไม่' }, false],
    ['yesno', { text: 'ใช่ค่ะ' }, true],
    ['yesno', { text: 'ไม่ใช่ครับ' }, false],
    ['yesno', { text: '1' }, true],
    ['yesno', { text: '2' }, false],
  ] as const)('kind %s stores %j as %j', (kind, reply, value) => {
    expect(answer({ kind }, reply)).toEqual({ handle: 'next', value });
  });

  it.each([
    ['number', { text: 'forty two' }],
    ['number', { text: '12abc' }],
    ['digits', { text: '12a4' }],
    ['email', { text: 'ann@example' }],
    ['email', { text: 'ann @example.com' }],
    ['phone', { text: '12345' }],
    ['date', { text: '31/02/2026' }],
    ['date', { text: 'tomorrow' }],
    ['yesno', { text: 'maybe' }],
    ['yesno', { text: '3' }],
  ] as const)('kind %s refuses %j (invalid)', (kind, reply) => {
    expect(answer({ kind }, reply)).toEqual({ handle: 'invalid', value: undefined });
  });

  it('digits accepts DTMF on voice and typed digits on SMS', () => {
    expect(answer({ kind: 'digits' }, { digits: '4321' }, 'voice')).toEqual({ handle: 'next', value: '4321' });
    expect(answer({ kind: 'digits' }, { text: '4321' }, 'sms')).toEqual({ handle: 'next', value: '4321' });
  });

  it('yesno accepts keypad 1 and 2 on voice', () => {
    expect(answer({ kind: 'yesno' }, { digits: '1' }, 'voice').value).toBe(true);
    expect(answer({ kind: 'yesno' }, { digits: '2' }, 'voice').value).toBe(false);
  });

  it('regex checks the pattern', () => {
    const data = { kind: 'regex', pattern: '^[A-Z]{2}\\d{6}$' };
    expect(answer(data, { text: 'TH123456' })).toEqual({ handle: 'next', value: 'TH123456' });
    expect(answer(data, { text: 'th123456' }).handle).toBe('invalid');
  });

  it('checks minLength and maxLength (digits count for digits)', () => {
    const data = { kind: 'digits', minLength: 4, maxLength: 4 };
    expect(answer(data, { digits: '1234' }, 'voice').handle).toBe('next');
    expect(answer(data, { digits: '123' }, 'voice').handle).toBe('invalid');
    expect(answer(data, { digits: '12345' }, 'voice').handle).toBe('invalid');
    expect(answer({ kind: 'text', minLength: 3 }, { text: 'ไก่' }).handle).toBe('next');
    expect(answer({ kind: 'text', maxLength: 2 }, { text: 'ไก่' }).handle).toBe('invalid');
  });

  it('stores under a variable written with the vars. prefix', () => {
    const state = simulate(collect({ kind: 'number', variable: 'vars.age' })).customer({ text: '30' });
    expect(state.vars).toEqual({ age: 30 });
  });

  it('on an invalid answer sends invalidText then the prompt again, enters nothing, and accepts a later good answer', () => {
    const sim = simulate(collect({ kind: 'number', invalidText: 'Please type a number.' }));
    const retry = sim.customer({ text: 'abc' });
    expect(texts(retry)).toEqual(['Please type a number.', 'Your answer?']);
    expect(retry).toMatchObject({ at: 'collect', path: [] });
    expect(sim.customer({ text: '7' })).toMatchObject({ outcome: 'next', vars: { answer: 7 } });
  });

  it('leaves by invalid after maxRetries bad answers (default 2)', () => {
    const sim = simulate(collect({ kind: 'email' }));
    expect(sim.customer({ text: 'x' }).at).toBe('collect');
    expect(sim.customer({ text: 'y' }).at).toBe('collect');
    expect(sim.customer({ text: 'z' })).toMatchObject({ outcome: 'invalid', vars: {} });
  });

  it('with maxRetries 0 leaves by invalid at once', () => {
    expect(simulate(collect({ kind: 'email', maxRetries: 0 })).customer({ text: 'x' }).outcome).toBe('invalid');
  });

  it('re-asks after each 10s silence and leaves by noInput when no retry is left', () => {
    const sim = simulate(collect({ kind: 'text', invalidText: 'I did not get an answer.' }));
    expect(sim.advance('9s').sent).toEqual([]);
    expect(texts(sim.advance('1s'))).toEqual(['I did not get an answer.', 'Your answer?']);
    sim.advance('10s');
    expect(sim.advance('10s').outcome).toBe('noInput');
  });

  it('honours its own timeout', () => {
    const sim = simulate(collect({ kind: 'text', timeout: '1m', maxRetries: 0 }));
    expect(sim.advance('59s').at).toBe('collect');
    expect(sim.advance('1s').outcome).toBe('noInput');
  });

  it('binds: next, invalid and noInput; a summary with kind and variable', () => {
    const node = bindNode('collect', { prompt: 'Last 4 digits?', variable: 'vars.last4', kind: 'digits' });
    expect(node.handles().map((handle) => handle.id)).toEqual(['next', 'invalid', 'noInput']);
    expect(node.summary('en')).toBe('digits → last4 · Last 4 digits?');
    expect(node.summary('th')).toBe('digits → last4 · Last 4 digits?');
    expect(propsOf('collect', { prompt: 'p', variable: 'x', kind: 'text' })).toMatchObject({ maxRetries: 2 });
  });
});
