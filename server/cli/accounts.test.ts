import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';
import type { Output } from './output';

function capture(): Output & { text(): string } {
  const lines: string[] = [];
  return { out: (line = '') => lines.push(line), err: (line = '') => lines.push(line), text: () => lines.join('\n') };
}

describe('switchboard user / apikey / db (embedded database)', () => {
  const saved = { dir: process.env.PGLITE_DATA_DIR, password: process.env.SWITCHBOARD_PASSWORD, url: process.env.DATABASE_URL };
  beforeAll(() => {
    process.env.PGLITE_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sb-cli-'));
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    for (const [key, value] of [['PGLITE_DATA_DIR', saved.dir], ['SWITCHBOARD_PASSWORD', saved.password], ['DATABASE_URL', saved.url]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('migrates, creates accounts for scripts, refuses bad input, and issues API keys', async () => {
    const migrate = capture();
    expect(await main(['db', 'migrate'], migrate)).toBe(0);
    expect(migrate.text()).toMatch(/The database is ready[\s\S]*first visit to the app asks for the owner/);

    process.env.SWITCHBOARD_PASSWORD = 'a long enough password';
    const created = capture();
    expect(await main(['user', 'create', '--email', 'Dana@Example.com', '--name', 'Dana', '--role', 'designer'], created)).toBe(0);
    expect(created.text()).toContain('Created dana@example.com (designer)');

    const again = capture();
    expect(await main(['user', 'create', '--email', 'dana@example.com', '--name', 'Dana', '--role', 'viewer'], again)).toBe(1);
    expect(again.text()).toContain('already an account for dana@example.com');

    const badRole = capture();
    expect(await main(['user', 'create', '--email', 'eve@example.com', '--name', 'Eve', '--role', 'boss'], badRole)).toBe(1);
    expect(badRole.text()).toContain('--role: one of admin, designer, agent, viewer');

    delete process.env.SWITCHBOARD_PASSWORD;
    const noPassword = capture();
    expect(await main(['user', 'create', '--email', 'eve@example.com', '--name', 'Eve', '--role', 'agent'], noPassword)).toBe(1);
    expect(noPassword.text()).toMatch(/--password-stdin.*SWITCHBOARD_PASSWORD/);

    const list = capture();
    expect(await main(['user', 'list'], list)).toBe(0);
    expect(list.text()).toMatch(/dana@example.com\tdesigner\tDana\n1 account/);

    const key = capture();
    expect(await main(['apikey', 'create', '--name', 'CRM'], key)).toBe(0);
    expect(key.text()).toMatch(/^sb_\S{40,}\n.*not shown again/);
    const keys = capture();
    expect(await main(['apikey', 'list'], keys)).toBe(0);
    expect(keys.text()).toMatch(/\tsb_\S{6}…\tCRM/);
    expect(keys.text()).not.toContain(key.text().split('\n')[0]);

    // The database has no flows (no seed here): binding names one, so create it first.
    const unknownFlow = capture();
    expect(await main(['binding', 'set', 'sms', 'nobody'], unknownFlow)).toBe(1);
    expect(unknownFlow.text()).toContain('There is no flow "nobody"');
    const badChannel = capture();
    expect(await main(['binding', 'set', 'fax', 'nobody'], badChannel)).toBe(1);
    expect(badChannel.text()).toContain('channel must be one of');
  });
});
