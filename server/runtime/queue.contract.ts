// One contract for every JobQueue: what the runtime relies on from its queue.
import { afterEach, describe, expect, it } from 'vitest';
import type { JobQueue } from './queue';

export function describeQueueContract(name: string, make: () => JobQueue, cleanup: (queue: JobQueue) => Promise<void> = async () => undefined): void {
  describe(`JobQueue contract (${name})`, () => {
    const open: JobQueue[] = [];
    const queue = () => {
      const made = make();
      open.push(made);
      return made;
    };
    afterEach(async () => {
      for (const made of open.splice(0)) {
        await made.close();
        await cleanup(made);
      }
    });

    it('hands every enqueued job to the handler, then is idle', async () => {
      const q = queue();
      const seen: string[] = [];
      q.start(async (id) => {
        seen.push(id);
      });
      await Promise.all(['a', 'b', 'c'].map((id) => q.enqueue(id)));
      await q.idle();
      expect([...new Set(seen)].sort()).toEqual(['a', 'b', 'c']);
    });

    it('runs a job enqueued while the same conversation is being handled (no lost wake-up)', async () => {
      const q = queue();
      let release: () => void = () => undefined;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      let calls = 0;
      let first = true;
      q.start(async () => {
        calls++;
        if (first) {
          first = false;
          await blocked;
        }
      });
      await q.enqueue('x');
      while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      await q.enqueue('x');
      release();
      await q.idle();
      expect(calls).toBeGreaterThanOrEqual(2);
    });

    it('retries a job whose handler fails', async () => {
      const q = queue();
      let calls = 0;
      q.start(async () => {
        calls++;
        if (calls === 1) throw new Error('transient');
      });
      await q.enqueue('r');
      for (let tries = 0; calls < 2 && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
      await q.idle();
      expect(calls).toBe(2);
    });

    it('lets running handlers finish when closed', async () => {
      const q = make();
      let finished = false;
      let started = false;
      q.start(async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 100));
        finished = true;
      });
      await q.enqueue('slow');
      while (!started) await new Promise((resolve) => setTimeout(resolve, 5));
      await q.close();
      await cleanup(q);
      expect(finished).toBe(true);
    });
  });
}
