import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edge, NOW, testFlow } from '@/flows/testing/flows';
import { main } from './main';

const BIN = join(__dirname, '..', '..', 'bin', 'switchboard.mjs');
let dir: string;

const greeter = testFlow(
  [
    { id: 'menu', type: 'menu', data: { prompt: 'Press 1 for hours, 2 for an agent', options: [{ id: 'hours', label: 'Hours', keys: ['1'] }, { id: 'agent', label: 'Agent', keys: ['2'] }] } },
    { id: 'hours', type: 'end', data: { text: 'We are open 9 to 5', outcome: 'contained' } },
    { id: 'queue', type: 'handoff', data: { queue: 'support', waitText: 'Connecting you' } },
    { id: 'bye', type: 'end', data: {} },
  ],
  [
    edge('start', 'menu'),
    edge('menu', 'hours', 'hours'),
    edge('menu', 'agent', 'queue'),
    edge('menu', 'noMatch', 'bye'),
    edge('menu', 'noInput', 'bye'),
    edge('queue', 'resolved', 'bye'),
    edge('queue', 'abandoned', 'bye'),
  ],
  { id: 'greeter', channels: ['voice', 'webchat'] },
);

const journey = (name: string, steps: unknown[]) => ({ format: 'switchboard/journey@1', name, flow: 'greeter', channel: 'voice', now: NOW, steps });

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line = '') => out.push(line), err: (line = '') => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
  writeFileSync(join(dir, 'greeter.flow.json'), JSON.stringify(greeter));
  writeFileSync(join(dir, 'broken.flow.json'), JSON.stringify({ ...greeter, id: 'broken', edges: [...(greeter.edges as object[]), { id: 'x', source: 'menu', sourceHandle: 'oops', target: 'bye' }] }));
  writeFileSync(join(dir, 'bad.json'), '{ not json');
  writeFileSync(join(dir, 'hours.journey.json'), JSON.stringify(journey('asks for hours', [{ customer: { digits: '1' }, expect: { ended: true, outcome: 'contained' } }])));
  writeFileSync(join(dir, 'agent.journey.json'), JSON.stringify(journey('talks to an agent', [{ customer: { digits: '2' }, expect: { at: 'queue' } }, { agent: { resolve: true }, expect: { ended: true } }])));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('switchboard validate', () => {
  it('is quiet and exits 0 for a clean flow', async () => {
    const result = await run('validate', join(dir, 'greeter.flow.json'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/1 file: 0 errors, 0 warnings$/);
  });

  it('prints file: node: code: message and exits 1 on errors', async () => {
    const result = await run('validate', join(dir, 'broken.flow.json'), join(dir, 'bad.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('broken.flow.json: menu: unknown-handle: node "menu" has no output "oops"');
    expect(result.out).toMatch(/bad\.json: -: schema: not valid JSON/);
    expect(result.out).toMatch(/2 files: 2 errors, 0 warnings$/);
  });

  it('speaks Thai with --lang th', async () => {
    const result = await run('validate', join(dir, 'broken.flow.json'), '--lang', 'th');
    expect(result.out).toContain('unknown-handle: โหนด "menu" ไม่มีทางออก "oops"');
  });
});

describe('switchboard test', () => {
  it('prints each journey, coverage per flow and the closing line', async () => {
    const result = await run('test', dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('✓ asks for hours');
    expect(result.out).toContain('✓ talks to an agent');
    expect(result.out).toContain('greeter: nodes 5/5 (100%), handles 4/7 (57%)');
    expect(result.out).toContain('handles not taken: menu:noMatch, menu:noInput, queue:abandoned');
    expect(result.out.split('\n').at(-1)).toBe('2 passed, 0 failed');
  });

  it('names the journey, the step and the mismatch, and exits 1', async () => {
    writeFileSync(join(dir, 'wrong.journey.json'), JSON.stringify(journey('expects the wrong thing', [{ customer: { digits: '1' }, expect: { outcome: 'resolved' } }])));
    try {
      const result = await run('test', dir);
      expect(result.code).toBe(1);
      expect(result.out).toContain('journey "expects the wrong thing" step 1: expected outcome "resolved", got "contained"');
      expect(result.out.split('\n').at(-1)).toBe('2 passed, 1 failed');
    } finally {
      rmSync(join(dir, 'wrong.journey.json'));
    }
  });

  it('fails when there is nothing to run', async () => {
    const result = await run('test', join(dir, 'nowhere'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/no \*\.journey\.json files/);
  });
});

describe('switchboard compile and paths', () => {
  it('prints the machine config as JSON', async () => {
    const result = await run('compile', join(dir, 'greeter.flow.json'));
    expect(result.code).toBe(0);
    const config = JSON.parse(result.out);
    expect(config).toMatchObject({ id: 'switchboard', initial: 'start' });
    expect(Object.keys(config.states)).toEqual(expect.arrayContaining(['menu', 'queue', '@unhandled']));
  });

  it('refuses an invalid flow with its errors', async () => {
    const result = await run('compile', join(dir, 'broken.flow.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('unknown-handle');
  });

  it('lists the paths to every end', async () => {
    const result = await run('paths', join(dir, 'greeter.flow.json'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('start › menu [hours] › hours ⇒ contained');
    expect(result.out).toContain('start › menu [agent] › queue [resolved] › bye ⇒ resolved');
    expect(result.out.split('\n').at(-1)).toBe('5 paths');
  });

  it('explains unknown commands', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(1);
    expect(result.err).toContain('unknown command "frobnicate"');
  });
});

describe('the switchboard bin', () => {
  it('runs a scripted simulation from stdin', () => {
    const script = ['#9', '#2', '/agent reply Hello, I am Nok', '/agent resolve', ''].join('\n');
    const result = spawnSync(process.execPath, [BIN, 'simulate', join(dir, 'greeter.flow.json'), '--channel', 'voice'], {
      input: script,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('bot [voice]: Press 1 for hours, 2 for an agent');
    expect(result.stdout).toContain('agent [voice]: Hello, I am Nok');
    expect(result.stdout).toContain('conversation ended: resolved');
  });

  it('prints help', () => {
    expect(execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' })).toContain('validate <files…>');
  });
});
