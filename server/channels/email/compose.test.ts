import { describe, expect, it } from 'vitest';
import { composeMail, replySubject } from './compose';

describe('composeMail', () => {
  it('escapes HTML, keeps line breaks and lists quick replies as numbered options', () => {
    const mail = composeMail({ text: 'Hi <b>Ana</b> & co\nPick one:\n\nThanks', quickReplies: [{ id: 'a', label: 'Track "it"' }, { id: 'b', label: 'Bye' }], mediaUrl: null });
    expect(mail.text).toBe('Hi <b>Ana</b> & co\nPick one:\n\nThanks\n\n1. Track "it"\n2. Bye');
    expect(mail.html).toContain('<p>Hi &#60;b&#62;Ana&#60;/b&#62; &#38; co<br>Pick one:</p><p>Thanks</p>');
    expect(mail.html).toContain('<ol><li>Track &#34;it&#34;</li><li>Bye</li></ol>');
  });

  it('writes a scale of numbers (a survey) as one line of its values, never numbered', () => {
    const nps = Array.from({ length: 11 }, (_, score) => ({ id: String(score), label: String(score) }));
    const mail = composeMail({ text: 'How likely are you to recommend us, from 0 to 10?', quickReplies: nps, mediaUrl: null });
    expect(mail.text).toBe('How likely are you to recommend us, from 0 to 10?\n\n0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10');
    expect(mail.text).not.toMatch(/^1\. 0$/m);
    expect(mail.html).toContain('<p>0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10</p>');
    expect(mail.html).not.toContain('<ol>');
  });

  it('keeps one "Re:" before the thread’s subject', () => {
    expect(replySubject('Where is my order?')).toBe('Re: Where is my order?');
    expect(replySubject('RE: Fwd: re: Where is my order?')).toBe('Re: Where is my order?');
  });
});
