import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher';

/** A run that records the batches it was given and answers each item doubled. */
function recorder(fail: (item: number) => boolean = () => false) {
  const runs: number[][] = [];
  const run = async (items: number[]) => {
    runs.push([...items]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const bad = items.find(fail);
    if (bad !== undefined) throw new Error(`item ${bad} failed`);
    return items.map((item) => item * 2);
  };
  return { runs, run };
}

describe('Batcher (group commit)', () => {
  it('runs items submitted together as one batch and answers each caller with its own result, in order', async () => {
    const { runs, run } = recorder();
    const batcher = new Batcher(run);
    const answers = await Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    expect(answers).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while runs are in flight into the next run, up to the size limit', async () => {
    const { runs, run } = recorder();
    const batcher = new Batcher(run, { maxInFlight: 1, maxSize: 3 });
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    // Run [1] is in flight now: these wait for it, then go in runs of at most three.
    const rest = [2, 3, 4, 5].map((item) => batcher.submit(item));
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10]);
    expect(runs).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('never adds an item to a run already going: the same item submitted meanwhile runs again after', async () => {
    const { runs, run } = recorder();
    const batcher = new Batcher(run, { maxInFlight: 1 });
    const first = batcher.submit(7);
    await new Promise((resolve) => setImmediate(resolve));
    const again = batcher.submit(7);
    await Promise.all([first, again]);
    expect(runs).toEqual([[7], [7]]);
  });

  it('when a batch fails, runs each item alone: only the failing caller gets the error, the others their result once', async () => {
    const { runs, run } = recorder((item) => item === 2);
    const batcher = new Batcher(run);
    const settled = await Promise.allSettled([1, 2, 3].map((item) => batcher.submit(item)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : String(s.reason)))).toEqual([2, 'Error: item 2 failed', 6]);
    // The failed batch, then each item on its own, in order.
    expect(runs).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('refuses a run that answers the wrong number of results', async () => {
    const batcher = new Batcher(async (items: number[]) => items.slice(1));
    await expect(batcher.submit(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });
});
