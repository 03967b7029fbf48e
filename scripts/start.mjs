#!/usr/bin/env node
// `npm start`: build the Next app when needed, then serve it and say where.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const buildIdFile = path.join(root, '.next', 'BUILD_ID');
const cliBin = path.join(root, 'bin', 'switchboard.mjs');
// Anything here newer than the last build means the build is stale.
const sources = ['app', 'server', 'flows', 'public', 'next.config.mjs', 'package.json', 'tsconfig.json'];

/** The child currently running (build, then server); signals go to it. */
let child = null;

main().catch((error) => {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

async function main() {
  const port = parsePort(process.env.PORT ?? '3000');
  if (!existsSync(nextBin)) throw new Error('Next.js is not installed. Run `npm install` first.');
  forwardSignals();

  const reason = buildReason();
  if (reason) {
    console.log(`• ${reason}`);
    console.log(
      existsSync(buildIdFile)
        ? '• Rebuilding the app…'
        : '• Building the app (first start takes about a minute)…',
    );
    const startedAt = Date.now();
    const code = await run(nextBin, ['build']);
    if (code !== 0) {
      console.error(`✗ The build failed (exit code ${code}). Fix the errors above and run \`npm start\` again.`);
      process.exit(code);
    }
    console.log(`✓ Built in ${Math.round((Date.now() - startedAt) / 1000)}s.`);
  } else {
    console.log('• The last build is up to date.');
  }

  if (await responds(port)) {
    throw new Error(`Port ${port} is already in use. Stop what runs there or set PORT, e.g. PORT=3001 npm start.`);
  }
  // Migrations and the first-start seed run here, with progress, before the server opens the
  // database (the embedded one allows a single process at a time).
  const setup = await run(process.execPath, [cliBin, 'db', 'setup']);
  if (setup !== 0) {
    console.error('✗ The database could not be prepared (see above).');
    process.exit(setup);
  }
  console.log(`• Starting the server on port ${port}…`);
  const server = run(nextBin, ['start', '--port', String(port)]);
  const ready = await waitUntilResponding(port, server);
  if (ready) {
    console.log('');
    console.log(`✓ Switchboard is running at http://localhost:${port}`);
    console.log('  Press Ctrl+C to stop.');
    console.log('');
  }
  process.exit(await server);
}

function parsePort(value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a number between 1 and 65535, got "${value}".`);
  }
  return port;
}

/** Why a build is needed, or null when `.next` is newer than every source. */
function buildReason() {
  if (!existsSync(buildIdFile)) return 'No production build found.';
  const builtAt = statSync(buildIdFile).mtimeMs;
  const changed = sources.find((source) => newestMtime(path.join(root, source)) > builtAt);
  return changed ? `Sources changed since the last build (${changed}).` : null;
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Runs a program with inherited output; resolves to its exit code. */
function run(program, args) {
  return new Promise((resolve, reject) => {
    // NEXT_MANUAL_SIG_HANDLE: the app, not Next, handles SIGTERM, so conversations being
    // applied finish before it exits (server/services.ts).
    child = spawn(program, args, { cwd: root, stdio: 'inherit', env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_MANUAL_SIG_HANDLE: '1', ...process.env } });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      child = null;
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

/** Polls the server until it answers; false if the server exits first. */
async function waitUntilResponding(port, server) {
  let exited = false;
  server.then(() => (exited = true));
  while (!exited) {
    if (await responds(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

async function responds(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

function forwardSignals() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child) child.kill(signal);
      else process.exit(128 + signalNumber(signal));
    });
  }
}

function signalNumber(signal) {
  return { SIGINT: 2, SIGTERM: 15 }[signal] ?? 1;
}
