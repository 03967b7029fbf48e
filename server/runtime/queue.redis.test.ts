import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BullQueue } from './bullQueue';
import type { JobQueue } from './queue';
import { describeQueueContract } from './queue.contract';

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeQueueContract(
  'BullMQ on Redis',
  // A key prefix of its own per queue, removed afterwards.
  () => new BullQueue({ url, prefix: `sbtest-${randomBytes(4).toString('hex')}`, backoffMs: 10 }),
  async (queue: JobQueue) => {
    if (!(queue instanceof BullQueue)) return;
    const cleaner = new BullQueue({ url, prefix: queue.prefixKey });
    await cleaner.obliterate();
    await cleaner.close();
  },
);

describe('BullMQ stage observer', () => {
  it('tells when a worker fetched a job and when its handler began', async () => {
    const seen: { stage: string; ids: readonly string[]; at: number }[] = [];
    const queue = new BullQueue({ url, prefix: `sbtest-${randomBytes(4).toString('hex')}`, observe: (stage, ids, at) => seen.push({ stage, ids, at }) });
    try {
      const handled = new Promise<void>((resolve) => queue.start(async () => resolve()));
      const before = Date.now();
      await queue.enqueue('c1');
      await handled;
      expect(seen.map(({ stage, ids }) => `${stage} ${ids.join()}`)).toEqual(['fetched c1', 'picked c1']);
      const [fetched, picked] = seen.map(({ at }) => at);
      // BullMQ stamps whole milliseconds.
      expect(fetched).toBeGreaterThanOrEqual(before - 1);
      expect(picked).toBeGreaterThanOrEqual((fetched ?? 0) - 1);
    } finally {
      await queue.obliterate();
      await queue.close();
    }
  });
});

describe('BullMQ queue health', () => {
  it('reports Redis down when nothing answers', async () => {
    const queue = new BullQueue({ url: 'redis://127.0.0.1:1', prefix: 'sbtest-down' });
    try {
      expect(await queue.health()).toEqual({ kind: 'redis', up: false });
    } finally {
      queue.disconnectNow();
    }
  });
});
