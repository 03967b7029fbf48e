// PGlite allows one process per data directory; two would corrupt it. The app and the CLI
// take this lock file before opening the directory.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'switchboard.lock');
  const holder = lockHolder(file);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder} (the running app?). Stop it first, or set DATABASE_URL to use PostgreSQL, which many processes can share.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (lockHolder(file) === process.pid) rmSync(file, { force: true });
  };
}

function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
