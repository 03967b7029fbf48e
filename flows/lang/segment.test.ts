import { describe, expect, it } from 'vitest';
import { containsWords, normalizeText, words } from './segment';

describe('normalizeText', () => {
  it('lower-cases, trims and collapses whitespace', () => {
    expect(normalizeText('  Lost   CARD \n')).toBe('lost card');
  });

  it('folds Thai digits and full-width forms', () => {
    expect(normalizeText('๐๘๑-๒๓๔')).toBe('081-234');
    expect(normalizeText('ＬＯＳＴ １２')).toBe('lost 12');
  });

  it('keeps Thai SARA AM whole (NFKC alone would split it)', () => {
    expect(normalizeText('ทำ')).toBe('\u0E17\u0E33');
    expect(normalizeText('ท\u0E4D\u0E32')).toBe('ทำ');
  });
});

describe('words', () => {
  it('segments Thai text that has no spaces into dictionary words', () => {
    expect(words('ฉันทำบัตรหายค่ะ')).toEqual(['ฉัน', 'ทำ', 'บัตร', 'หาย', 'ค่ะ']);
    expect(words('ขอเบอร์โทรศัพท์ประจำตัว')).toEqual(['ขอ', 'เบอร์', 'โทรศัพท์', 'ประจำ', 'ตัว']);
  });

  it('splits English on spaces and punctuation, keeping contractions', () => {
    expect(words("I'm LOST, don't know!")).toEqual(["i'm", 'lost', "don't", 'know']);
  });

  it('handles mixed Thai and English, and Thai digits', () => {
    expect(words('บัตร VISA หาย')).toEqual(['บัตร', 'visa', 'หาย']);
    expect(words('โทร ๐๘๑')).toEqual(['โทร', '081']);
  });

  it('gives nothing for blank or punctuation-only text', () => {
    expect(words('   ')).toEqual([]);
    expect(words('?!…')).toEqual([]);
  });
});

describe('containsWords', () => {
  it.each([
    ['I lost my card', 'lost', true],
    ['I lost my card', 'lost my card', true],
    ['I LOST it', 'lost', true],
    ['lostcard', 'lost', false],
    ['my card was lost', 'lost card', false],
    ['ฉันทำบัตรหายค่ะ', 'บัตรหาย', true],
    ['ฉันทำบัตรหายค่ะ', 'บัตร', true],
    ['บัตรเครดิตหาย', 'บัตรหาย', false],
    ['ขอเปลี่ยนเบอร์โทรศัพท์ค่ะ', 'เบอร์โทรศัพท์', true],
    ['ยอดเงินคงเหลือเท่าไหร่', 'ยอดเงิน', true],
    ['hello', '', false],
    ['hi', 'hi there', false],
  ])('%j contains %j: %s', (text, phrase, expected) => {
    expect(containsWords(text, phrase)).toBe(expected);
  });
});
