// The real app for browser tests: built when the build is missing or stale (the rule of
// `npm start`), then served by `next start` on a free port with a database of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');
const BUILD_ID = path.join(ROOT, '.next', 'BUILD_ID');
/** What the build is made from (as in scripts/start.mjs). */
const SOURCES = ['app', 'server', 'flows', 'public', 'next.config.mjs', 'package.json', 'tsconfig.json'];
/** Tests are not part of the built app; editing one should not cost a two-minute rebuild. */
const NOT_BUILT = /\.test\.tsx?$/;
const READY_TIMEOUT_MS = 120_000;
/**
 * Browser test files run in parallel workers, and a second `next build` on the same `.next`
 * exits at once (or, later, wipes the build another file's server runs from): one at a time.
 * Outside `.next`, which a build empties.
 */
const BUILD_LOCK = path.join(tmpdir(), `switchboard-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`);
const BUILD_LOCK_TIMEOUT_MS = 600_000;

export interface NextServer {
  url: string;
  /** SIGTERM (SIGKILL after 5 s); resolves with the exit code. */
  stop(): Promise<number>;
  /** What the server printed. */
  output(): string;
}

/** Runs `next build` unless `.next` is newer than every source; waits for another file's build. */
export async function ensureBuild(): Promise<void> {
  const release = await acquireBuildLock();
  try {
    const reason = staleReason();
    if (!reason) return;
    const build = startNext(['build'], childEnv());
    const code = await exitOf(build.child);
    if (code !== 0) throw new Error(`next build failed (${reason}; exit ${code}):\n${build.output().slice(-4000)}`);
  } finally {
    release();
  }
}

/**
 * Serves the current build on a free port, against an empty PGlite database in a temp dir.
 * `env` adds settings for this server, e.g. SWITCHBOARD_HTTP_REWRITE to a local mock; given as
 * a function it gets the server's URL first (for settings naming it, e.g. SWITCHBOARD_PUBLIC_URL).
 */
export async function startNextServer(env: Record<string, string> | ((url: string) => Record<string, string>) = {}): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-browser-'));
  const server = startNext(['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    ...childEnv(),
    ...(typeof env === 'function' ? env(url) : env),
    PGLITE_DATA_DIR: dataDir,
  });
  const stop = async () => {
    const code = await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  try {
    await waitUntilResponding(url, server.child);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.output().slice(-4000)}`);
  }
  return { url, stop, output: server.output };
}

/** Takes the build lock (a file holding the owner's pid), taking over one left by a dead process. */
async function acquireBuildLock(): Promise<() => void> {
  const deadline = Date.now() + BUILD_LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      const fd = openSync(BUILD_LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(BUILD_LOCK, { force: true });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    if (!lockHolderAlive()) {
      rmSync(BUILD_LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Another build held ${BUILD_LOCK} for ${BUILD_LOCK_TIMEOUT_MS / 1000}s.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function lockHolderAlive(): boolean {
  let pid: number;
  let age: number;
  try {
    pid = Number(readFileSync(BUILD_LOCK, 'utf8'));
    age = Date.now() - statSync(BUILD_LOCK).mtimeMs;
  } catch {
    return false; // Released in the meantime.
  }
  // Just created, its pid not written yet: its owner is surely alive.
  if (!Number.isInteger(pid) || pid <= 0) return age < 5000;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Why a build is needed, or null when the last one is current. */
function staleReason(): string | null {
  if (!existsSync(BUILD_ID)) return 'no build yet';
  const builtAt = statSync(BUILD_ID).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(ROOT, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return NOT_BUILT.test(target) ? 0 : stat.mtimeMs;
  // A folder's own time changes when a file in it is deleted or renamed.
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * The environment of the app under test: the embedded database only (never a PostgreSQL,
 * Redis or auth URL this shell happens to have), no telemetry, and not vitest's
 * NODE_ENV=test, which would make Next build and serve a non-production app.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'BETTER_AUTH_URL', 'PORT', 'PGLITE_DATA_DIR']) {
    delete env[name];
  }
  return env;
}

/** Starts `next <args>` in its own process group (so stopping it stops its children too). */
function startNext(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(NEXT_BIN, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // A test run that dies must not leave a server behind holding the port.
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return { child, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function waitUntilResponding(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode}).`);
    // The first page request opens, migrates and seeds the database, so it may take a while.
    const answered = await fetch(`${url}/`, { redirect: 'manual', signal: AbortSignal.timeout(60_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${READY_TIMEOUT_MS / 1000}s.`);
}

async function stopProcess(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode ?? 1;
  const exited = exitOf(child);
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** A TCP port nothing listens on right now (for a server the test starts or configures). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('No free port.'))));
    });
  });
}
