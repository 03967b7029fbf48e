import { describe, expect, it } from 'vitest';
import { parseValue, type CollectKind } from './values';

const parse = (kind: CollectKind, text: string, extra: { minLength?: number; maxLength?: number; pattern?: string } = {}) =>
  parseValue({ text }, { kind, ...extra });

describe('parseValue', () => {
  it('refuses an empty or blank answer of any kind', () => {
    for (const kind of ['text', 'number', 'digits', 'email', 'phone', 'date', 'yesno', 'regex'] as const) {
      expect(parse(kind, '   ')).toEqual({ ok: false });
      expect(parseValue({}, { kind })).toEqual({ ok: false });
    }
  });

  it('text: the trimmed answer', () => {
    expect(parse('text', '  hello there ')).toEqual({ ok: true, value: 'hello there' });
  });

  it.each([
    ['42', 42],
    ['+7', 7],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1,000,000', 1_000_000],
    ['1 000', 1000],
    ['๑๒', 12],
  ])('number: %j is %d', (text, value) => {
    expect(parse('number', text)).toEqual({ ok: true, value });
  });

  it.each(['abc', '1.2.3', '12kg', '--1', '1e5'])('number: refuses %j', (text) => {
    expect(parse('number', text)).toEqual({ ok: false });
  });

  it('digits: prefers DTMF, falls back to typed digits, drops spaces and dashes', () => {
    expect(parseValue({ digits: '0042', text: 'ignored' }, { kind: 'digits' })).toEqual({ ok: true, value: '0042' });
    expect(parse('digits', '1234-5678')).toEqual({ ok: true, value: '12345678' });
    expect(parse('digits', '๑๒๓')).toEqual({ ok: true, value: '123' });
    expect(parse('digits', '12.5')).toEqual({ ok: false });
  });

  it('email: something@domain.tld without spaces', () => {
    expect(parse('email', 'Ann.Lee+cx@mail.example.co.th')).toEqual({ ok: true, value: 'Ann.Lee+cx@mail.example.co.th' });
    expect(parse('email', 'ann@@example.com')).toEqual({ ok: false });
    expect(parse('email', 'ann.example.com')).toEqual({ ok: false });
  });

  it('phone: 6 to 15 digits, optional +, separators dropped', () => {
    expect(parse('phone', '(02) 123-4567')).toEqual({ ok: true, value: '021234567' });
    expect(parse('phone', '+66 81 234 5678')).toEqual({ ok: true, value: '+66812345678' });
    expect(parse('phone', '12345')).toEqual({ ok: false });
    expect(parse('phone', '1234567890123456')).toEqual({ ok: false });
    expect(parse('phone', '081-CALL-NOW')).toEqual({ ok: false });
  });

  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026-3-5', '2026-03-05'],
    ['15/03/2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15-03-2026', '2026-03-15'],
    ['15/03/2569', '2026-03-15'],
    ['2569-03-15', '2026-03-15'],
    ['29/02/2028', '2028-02-29'],
  ])('date: %j is %s', (text, value) => {
    expect(parse('date', text)).toEqual({ ok: true, value });
  });

  it.each(['29/02/2026', '32/01/2026', '15/13/2026', '03/15', 'next monday', '2026/03/15'])('date: refuses %j', (text) => {
    expect(parse('date', text)).toEqual({ ok: false });
  });

  it.each(['yes', 'Y', 'Yes.', 'ok', 'sure!', '1', 'ใช่', 'ใช่ค่ะ', 'ใช่ครับ', 'ใช่แล้วค่ะ', 'ถูกต้องครับ', 'ค่ะ', 'ครับ', 'ได้ค่ะ'])(
    'yesno: %j is yes',
    (text) => {
      expect(parse('yesno', text)).toEqual({ ok: true, value: true });
    },
  );

  it.each(['no', 'N', 'nope', '2', 'ไม่', 'ไม่ค่ะ', 'ไม่ใช่', 'ไม่ใช่ค่ะ', 'ไม่ใช่ครับ', 'ไม่ได้ครับ', 'ไม่ถูกต้องค่ะ'])('yesno: %j is no', (text) => {
    expect(parse('yesno', text)).toEqual({ ok: true, value: false });
  });

  it.each(['maybe', '3', 'yes no', 'นะ', 'ไม่แน่ใจ'])('yesno: %j is neither', (text) => {
    expect(parse('yesno', text)).toEqual({ ok: false });
  });

  it('yesno: keypad 1 and 2', () => {
    expect(parseValue({ digits: '1' }, { kind: 'yesno' })).toEqual({ ok: true, value: true });
    expect(parseValue({ digits: '2' }, { kind: 'yesno' })).toEqual({ ok: true, value: false });
  });

  it('regex: the pattern must match; an invalid pattern matches nothing', () => {
    expect(parse('regex', 'AB-123', { pattern: '^[A-Z]{2}-\\d{3}$' })).toEqual({ ok: true, value: 'AB-123' });
    expect(parse('regex', 'AB-1234', { pattern: '^[A-Z]{2}-\\d{3}$' })).toEqual({ ok: false });
    expect(parse('regex', 'anything', { pattern: '(' })).toEqual({ ok: false });
    expect(parse('regex', 'x'.repeat(3000), { pattern: 'x+' })).toEqual({ ok: false });
  });

  it('length limits count characters of the stored text, not numbers', () => {
    expect(parse('text', 'สวัสดี', { maxLength: 6 })).toEqual({ ok: true, value: 'สวัสดี' });
    expect(parse('text', 'ab', { minLength: 3 })).toEqual({ ok: false });
    expect(parse('digits', '12 34', { minLength: 4, maxLength: 4 })).toEqual({ ok: true, value: '1234' });
    expect(parse('number', '123456', { maxLength: 2 })).toEqual({ ok: true, value: 123456 });
  });
});

describe('parseValue yes/no in everyday words', () => {
  it.each([
    ['มี', true],
    ['มีค่ะ', true],
    ['ไม่มี', false],
    ['ไม่มีครับ', false],
    ['yes please', true],
    ['no thanks', false],
    ['none', false],
  ])('%s → %s', (text, value) => {
    expect(parseValue({ text }, { kind: 'yesno' })).toEqual({ ok: true, value });
  });
});
