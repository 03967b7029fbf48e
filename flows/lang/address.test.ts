import { describe, expect, it } from 'vitest';
import { normalizeAddress } from './address';

describe('normalizeAddress', () => {
  it('writes phone numbers as E.164 whatever the separators', () => {
    expect(normalizeAddress('phone', '+66 81-000-0001')).toBe('+66810000001');
    expect(normalizeAddress('phone', '0066 (81) 000 0001')).toBe('+66810000001');
    expect(normalizeAddress('phone', '081 000 0001', '66')).toBe('+66810000001');
    expect(normalizeAddress('phone', '66810000001')).toBe('+66810000001');
  });

  it('keeps a national number as digits when no country is known, and refuses what is no number', () => {
    expect(normalizeAddress('phone', '081-000-0001')).toBe('0810000001');
    expect(normalizeAddress('phone', 'call me')).toBeUndefined();
    expect(normalizeAddress('phone', '+12')).toBeUndefined();
    expect(normalizeAddress('phone', '')).toBeUndefined();
  });

  it('lower-cases emails and refuses malformed ones', () => {
    expect(normalizeAddress('email', ' Ana@Example.COM ')).toBe('ana@example.com');
    expect(normalizeAddress('email', 'ana@example')).toBeUndefined();
    expect(normalizeAddress('email', 'a b@example.com')).toBeUndefined();
  });

  it('takes LINE and visitor ids as they are, if they are ids', () => {
    expect(normalizeAddress('line', 'U1234abcd')).toBe('U1234abcd');
    expect(normalizeAddress('webchat', 'visitor_123-abc')).toBe('visitor_123-abc');
    expect(normalizeAddress('line', 'not an id')).toBeUndefined();
  });
});
