import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './lock';

describe('the embedded database lock', () => {
  it('refuses a directory another live process holds, and takes over from a dead one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(dir, 'switchboard.lock'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(/in use by process \d+.*DATABASE_URL/);
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once('exit', resolve));
    const unlock = lockDataDir(dir);
    expect(readFileSync(path.join(dir, 'switchboard.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(path.join(dir, 'switchboard.lock'))).toBe(false);
  });
});
