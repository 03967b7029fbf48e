import { describe, expect, it } from 'vitest';
import { parseRewrites, urlRewriter } from './egress';

describe('http node egress rewrites', () => {
  it('rewrites the first matching prefix and leaves other URLs alone', () => {
    const rewrite = urlRewriter(parseRewrites('https://api.shop.example=http://127.0.0.1:4010, https://crm.example/v1=http://127.0.0.1:4020/crm'));
    expect(rewrite('https://api.shop.example/v1/orders/7?x=1')).toBe('http://127.0.0.1:4010/v1/orders/7?x=1');
    expect(rewrite('https://crm.example/v1/customers')).toBe('http://127.0.0.1:4020/crm/customers');
    expect(rewrite('https://other.example/')).toBe('https://other.example/');
  });

  it('treats an empty setting as no rewrites', () => {
    expect(parseRewrites(undefined)).toEqual([]);
    expect(parseRewrites('  ')).toEqual([]);
  });

  it('names the rule it cannot read', () => {
    expect(() => parseRewrites('https://a.example')).toThrow(/"https:\/\/a.example" is not from=to/);
    expect(() => parseRewrites('ftp://a.example=http://b')).toThrow(/SWITCHBOARD_HTTP_REWRITE/);
  });
});
