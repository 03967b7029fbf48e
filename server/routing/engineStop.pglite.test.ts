// Once stopped, nothing starts a routing round: services close the database right after, and a
// round started then failed with "Cannot use a pool after calling end" (seen in the benchmark).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRouting, type RoutingHarness } from './routingHarness';

describe('routing engine stop', () => {
  let h: RoutingHarness;
  beforeAll(async () => {
    h = await startRouting('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('runs rounds when asked until stopped, and none after', async () => {
    const engine = h.services.routing;
    await engine.settled();
    const round = vi.spyOn(engine, 'round');
    engine.trigger();
    await engine.settled();
    expect(round).toHaveBeenCalledTimes(1);
    engine.stop();
    engine.trigger();
    await engine.settled();
    expect(round).toHaveBeenCalledTimes(1);
  });
});
