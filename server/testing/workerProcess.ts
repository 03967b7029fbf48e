// `npm run worker` as a real child process, for tests that kill and restart workers: how many
// events it applied (from its structured logs) and how it ended.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/switchboard.mjs', import.meta.url));
const READY_TIMEOUT_MS = 60_000;

export interface WorkerProcess {
  child: ChildProcess;
  /** Events this worker applied, summed from its `events applied` log lines. */
  applied(): number;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export interface WorkerEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  SWITCHBOARD_QUEUE_PREFIX: string;
  [name: string]: string;
}

export async function startWorkerProcess(env: WorkerEnv): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [BIN, 'worker'], {
    cwd: path.dirname(path.dirname(BIN)),
    env: { ...process.env, VITEST: '', LOG_LEVEL: 'debug', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let applied = 0;
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const count = /"applied":(\d+).*"msg":"events applied"/.exec(line)?.[1];
      if (count) applied += Number(count);
      else output += `${line}\n`;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!output.includes('is processing conversations')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, applied: () => applied, output: () => output, exited };
}
