import { describe, expect, it } from 'vitest';
import { actionLabel, statusText } from './stepText';

describe('step texts', () => {
  it('words each kind of action in English and Thai', () => {
    expect(actionLabel({ kind: 'customer', customer: { digits: '12' } }, 'en')).toBe('Customer pressed 12');
    expect(actionLabel({ kind: 'customer', customer: { text: 'Bill', payload: 'billing' } }, 'en')).toBe('Customer chose “Bill”');
    expect(actionLabel({ kind: 'customer', customer: { text: 'hi', channel: 'webchat' } }, 'en')).toBe('Customer wrote “hi” (on Web chat)');
    expect(actionLabel({ kind: 'customer', customer: { hangup: true } }, 'th')).toBe('ลูกค้าวางสาย');
    expect(actionLabel({ kind: 'wait', wait: '1h' }, 'en')).toBe('Clock moved 1h');
    expect(actionLabel({ kind: 'agent', agent: { transfer: 'billing' } }, 'th')).toBe('เจ้าหน้าที่โอนไปคิว billing');
    expect(actionLabel({ kind: 'agent', agent: { accept: true } }, 'en')).toBe('Agent accepted');
  });

  it('words the status line', () => {
    expect(statusText({ kind: 'waiting', node: 'menu', label: 'Menu' }, 'en')).toBe('Waiting at menu (Menu)');
    expect(statusText({ kind: 'queued', queue: 'fraud' }, 'en')).toBe('Handed off to queue fraud: waiting for an agent');
    expect(statusText({ kind: 'ended', outcome: 'resolved' }, 'th')).toBe('สิ้นสุดแล้ว: resolved');
  });
});
