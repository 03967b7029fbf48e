import { describe, expect, it } from 'vitest';
import { composeMail, replySubject } from './compose';

describe('composeMail', () => {
  it('escapes HTML, keeps line breaks and lists quick replies as numbered options', () => {
    const mail = composeMail({ text: 'Hi <b>Ana</b> & co\nPick one:\n\nThanks', quickReplies: [{ id: 'a', label: 'Track "it"' }, { id: 'b', label: 'Bye' }], mediaUrl: null });
    expect(mail.text).toBe('Hi <b>Ana</b> & co\nPick one:\n\nThanks\n\n1. Track "it"\n2. Bye');
    expect(mail.html).toContain('<p>Hi &#60;b&#62;Ana&#60;/b&#62; &#38; co<br>Pick one:</p><p>Thanks</p>');
    expect(mail.html).toContain('<ol><li>Track &#34;it&#34;</li><li>Bye</li></ol>');
  });

  it('keeps one "Re:" before the thread’s subject', () => {
    expect(replySubject('Where is my order?')).toBe('Re: Where is my order?');
    expect(replySubject('RE: Fwd: re: Where is my order?')).toBe('Re: Where is my order?');
  });
});
