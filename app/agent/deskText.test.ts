import { describe, expect, it } from 'vitest';
import { channelName } from './deskText';

describe('channelName', () => {
  it('names channels and the shared phone identity in English and Thai', () => {
    expect(channelName('en', 'webchat')).toBe('Web chat');
    expect(channelName('en', 'phone')).toBe('Phone');
    expect(channelName('th', 'phone')).toBe('โทรศัพท์');
    expect(channelName('en', 'pager')).toBe('pager');
  });
});
