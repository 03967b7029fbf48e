import { describe, expect, it } from 'vitest';
import { lineMessages, MAX_QUICK_REPLIES, retryKeyOf } from './messages';

describe('LINE messages', () => {
  it('turns up to 13 options into postback quick replies with labels of at most 20 characters', () => {
    const quickReplies = Array.from({ length: 15 }, (_, i) => ({ id: `o${i}`, label: i === 0 ? 'ยกเลิกบัตรเครดิตที่หายไปเมื่อวานนี้' : `Option ${i}` }));
    const [text] = lineMessages({ text: 'Choose', quickReplies, mediaUrl: null });
    const items = text?.quickReply?.items ?? [];
    const first = items[0];
    expect(items).toHaveLength(MAX_QUICK_REPLIES);
    expect(first?.action).toEqual({ type: 'postback', label: 'ยกเลิกบัตรเครดิตที่…', data: 'o0', displayText: 'ยกเลิกบัตรเครดิตที่หายไปเมื่อวานนี้' });
    expect(Array.from(first?.action?.label ?? '')).toHaveLength(20);
    expect(items[12]?.action).toMatchObject({ data: 'o12', label: 'Option 12' });
  });

  it('sends no quick replies without options, and an https image after the text, carrying them', () => {
    expect(lineMessages({ text: 'Hi', quickReplies: [], mediaUrl: null })).toEqual([{ type: 'text', text: 'Hi' }]);
    const [text, image] = lineMessages({ text: 'Your card', quickReplies: [{ id: 'ok', label: 'OK' }], mediaUrl: 'https://cdn.example/card.png' });
    expect(text?.quickReply).toBeUndefined();
    expect(image).toMatchObject({ type: 'image', originalContentUrl: 'https://cdn.example/card.png', quickReply: { items: [{ action: { data: 'ok' } }] } });
    expect(lineMessages({ text: 'See', quickReplies: [], mediaUrl: 'http://plain.example/a.png' })).toEqual([{ type: 'text', text: 'See\nhttp://plain.example/a.png' }]);
  });

  it('derives one UUID-shaped retry key per idempotency key', () => {
    expect(retryKeyOf('k1')).toBe(retryKeyOf('k1'));
    expect(retryKeyOf('k1')).not.toBe(retryKeyOf('k2'));
    expect(retryKeyOf('k1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
