import { describe, expect, it } from 'vitest';
import { localePath } from './localePath';

describe('localePath', () => {
  it('adds nothing for English', () => {
    expect(localePath('/sign-in', 'en')).toBe('/sign-in');
  });

  it('adds ?lang= for Thai after the other parameters, skipping undefined ones', () => {
    expect(localePath('/sign-in', 'th', { next: '/flows?x=1', other: undefined })).toBe(
      '/sign-in?next=%2Fflows%3Fx%3D1&lang=th',
    );
  });
});
