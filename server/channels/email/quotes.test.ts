import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from './quotes';

describe('stripQuotedReply', () => {
  it('keeps what comes before "On … wrote:", on one line or wrapped over two', () => {
    expect(stripQuotedReply('Yes please\n\nOn Mon, 2 Mar 2026 at 10:00, Acme <a@acme.test> wrote:\n> Shall we?')).toBe('Yes please');
    expect(stripQuotedReply('Yes\r\n\r\nOn Mon, 2 Mar 2026 at 10:00, Acme <a@acme.test>\r\nwrote:\r\n> Shall we?')).toBe('Yes');
    expect(stripQuotedReply('ได้ค่ะ\n\nเมื่อ จ. 2 มี.ค. 2026 10:00 Acme <a@acme.test> เขียนว่า:\n> ต้องการไหม')).toBe('ได้ค่ะ');
    // Thai Gmail wraps a long attribution too; its date and time must not reach a score parser.
    expect(stripQuotedReply('5\n\nเมื่อ จ. 2 มี.ค. 2026 เวลา 14:20 Swift Parcel <care@parcels.test>\nเขียนว่า:\n> ให้คะแนน 1 ถึง 5')).toBe('5');
  });

  it('drops ">" lines and Outlook’s quoted header block', () => {
    expect(stripQuotedReply('> quoted first\nMy answer\n> more quote')).toBe('My answer');
    expect(stripQuotedReply('Tomorrow works\n\nFrom: Acme Support\nSent: Monday\nSubject: Your visit')).toBe('Tomorrow works');
    expect(stripQuotedReply('Thanks\n-----Original Message-----\nold text')).toBe('Thanks');
  });

  it('leaves mail without quotes alone, "From:" in a sentence included', () => {
    expect(stripQuotedReply('From: my home address, please.\nOn second thought, call me.')).toBe('From: my home address, please.\nOn second thought, call me.');
  });
});
