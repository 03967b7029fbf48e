import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safeNextPath';

describe('safeNextPath', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(safeNextPath('/flows/lost-card?lang=th#menu')).toBe('/flows/lost-card?lang=th#menu');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'flows', '', undefined, 42])(
    'rejects %s',
    (value) => {
      expect(safeNextPath(value)).toBeUndefined();
    },
  );
});
