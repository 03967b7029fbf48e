// Cleanup that must happen however a benchmark ends: normally (`release()` in a finally), by an
// error (the same finally), or by Ctrl+C, which runs every cleanup still pending, then exits.
import IORedis from 'ioredis';

const pending = new Set<() => Promise<void>>();
let interrupted = false;

/**
 * Registers `undo`; the returned function runs it now and unregisters it. Called again, or by
 * Ctrl+C while it runs, it returns the same promise, so every caller waits for the same undo.
 */
export function defer(undo: () => unknown): () => Promise<void> {
  let running: Promise<void> | undefined;
  const release = () => {
    running ??= (async () => {
      try {
        await undo();
      } catch (error) {
        console.error('cleanup failed:', error);
      } finally {
        pending.delete(release);
      }
    })();
    return running;
  };
  pending.add(release);
  return release;
}

/** Ctrl+C: undo what is still registered, newest first, then exit 130. */
export function cleanUpOnInterrupt(): void {
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('\ninterrupted: cleaning up…');
    void (async () => {
      for (const release of [...pending].reverse()) await release();
      process.exit(130);
    })();
  });
}

/** Whether Ctrl+C was pressed: errors after it come from tearing down, not from what was measured. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * Deletes every Redis key under `prefix:`. After obliterate(): a job added by a request still
 * in flight when a run was interrupted would otherwise outlive it.
 */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
