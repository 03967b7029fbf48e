// Forks and stops the runtime benchmark's worker processes (runtimeWorker.ts under tsx).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FromWorker, type Outbound, type WorkerConfig } from './ipc';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface Workers {
  /** Process ids, to read their CPU time. */
  readonly pids: number[];
  /** Asks every worker to finish its jobs and close; kills those that do not in time. */
  stop(): Promise<void>;
  /** Kills whatever is still running (cleanup after a failure). */
  kill(): void;
}

export async function startWorkers(count: number, config: WorkerConfig, onSent: (items: Outbound[]) => void): Promise<Workers> {
  const script = fileURLToPath(new URL('./runtimeWorker.ts', import.meta.url));
  const children: ChildProcess[] = [];
  let stopping = false;
  const kill = () => {
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const child = fork(script, [], {
          execArgv: ['--import', 'tsx', ...profiling()],
          env: { ...process.env, BENCH_WORKER: JSON.stringify(config) },
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        children.push(child);
        // Said at once: otherwise a crashed worker shows only as echoes missing a minute later.
        child.on('exit', (code, signal) => {
          if (!stopping) console.error(`bench worker ${child.pid} exited (${signal ?? code}) during the run`);
        });
        child.on('message', (raw) => {
          const message = FromWorker.parse(raw);
          if (message.type === 'sent') onSent(message.items);
        });
        return ready(child);
      }),
    );
  } catch (error) {
    kill();
    throw error;
  }
  return {
    pids: children.flatMap((child) => child.pid ?? []),
    kill,
    stop: async () => {
      stopping = true;
      await Promise.all(children.map((child) => stopOne(child)));
    },
  };
}

/** BENCH_CPU_PROFILE=dir: each worker writes a V8 CPU profile there when it exits. */
function profiling(): string[] {
  const dir = process.env.BENCH_CPU_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${child.pid} was not ready in ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.on('message', (raw) => {
      if (FromWorker.safeParse(raw).data?.type !== 'ready') return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker ${child.pid} exited with ${code} before it was ready`));
    });
  });
}

function stopOne(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'stop' });
  });
}
