import { describe, expect, it } from 'vitest';
import { classifyIntent } from './classify';

const INTENTS = [
  { id: 'lost', examples: ['I lost my card', 'my card was stolen', 'บัตรหาย', 'บัตรถูกขโมย'] },
  { id: 'balance', examples: ['check my balance', 'how much money is in my account', 'เช็คยอดเงิน', 'ยอดเงินคงเหลือ'] },
  { id: 'internet', examples: ['my internet is down', 'wifi not working', 'เน็ตใช้ไม่ได้', 'อินเทอร์เน็ตหลุดบ่อย'] },
];

const intentOf = (text: string, threshold = 0.5) => classifyIntent(text, INTENTS, threshold).intent;

describe('classifyIntent', () => {
  it.each([
    ['someone stole my cards', 'lost'],
    ['Card stolen!!', 'lost'],
    ['what is my account balance', 'balance'],
    ['the wifi keeps dropping and internet is not working', 'internet'],
  ])('English: %j → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    ['ฉันทำบัตรหายค่ะ', 'lost'],
    ['บัตรของผมถูกขโมยครับ', 'lost'],
    ['ขอเช็คยอดเงินหน่อยค่ะ', 'balance'],
    ['เน็ตบ้านใช้ไม่ได้เลยครับ', 'internet'],
  ])('Thai, segmented without spaces: %j → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('has no intent for unrelated text or only polite words, with confidence 0', () => {
    expect(classifyIntent('what a lovely day', INTENTS, 0.5)).toEqual({ intent: undefined, confidence: 0, best: undefined });
    expect(classifyIntent('สวัสดีค่ะ', INTENTS, 0.5).intent).toBeUndefined();
    expect(classifyIntent('', INTENTS, 0).intent).toBeUndefined();
  });

  it('an exact example is a full match', () => {
    expect(classifyIntent('wifi not working', INTENTS, 1)).toMatchObject({ intent: 'internet', confidence: 1 });
  });

  it('below the threshold gives no intent but still reports the best guess', () => {
    const result = classifyIntent('balance looks wrong', INTENTS, 0.9);
    expect(result.intent).toBeUndefined();
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(0.9);
    expect(result.best).toBe('balance');
    expect(classifyIntent('balance looks wrong', INTENTS, 0.3).intent).toBe('balance');
  });

  it('confidence stays within 0..1 and a threshold of 0 still needs some overlap', () => {
    for (const text of ['card', 'บัตร', 'internet card balance', 'zzz']) {
      const { confidence } = classifyIntent(text, INTENTS, 0);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
    expect(classifyIntent('zzz', INTENTS, 0).intent).toBeUndefined();
  });
});
