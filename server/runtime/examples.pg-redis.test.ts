// The example flows end to end: every example journey is replayed against the real runtime
// over HTTP (waits move the runtime's clock and fire the timers due), on PostgreSQL and BullMQ, its HTTP mocks served from a
// local server, and must see what the simulator sees (flows/examples, DESIGN.md "Journey test").
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/apiKeys';
import { CHANNELS } from '../db/schema';
import { seedExampleFlows } from '../flows/seed';
import { startApi, type ApiHarness } from '../testing/apiHarness';
import { replayJourney, type ReplayTarget } from '../testing/journeyOverHttp';
import { calledOrigins, loadExamples, type ExampleJourney } from '../testing/journeySetup';
import { startMockHttp, type MockHttpServer } from '../testing/mockHttp';
import { transcriptAdapter } from './adapters';
import { parseRewrites, urlRewriter } from './egress';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'flows', 'examples');
const examples = loadExamples(EXAMPLES);

const replayed: ExampleJourney[] = examples.journeys;

describe('example journeys over HTTP (PostgreSQL + BullMQ)', () => {
  let api: ApiHarness;
  let mocks: MockHttpServer;
  let target: ReplayTarget;
  // Events carry the journey's `now`: the runtime's clock runs this far from the wall clock.
  let offset = 0;

  beforeAll(async () => {
    mocks = await startMockHttp();
    api = await startApi('postgres', {
      redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      runtime: {
        clock: () => new Date(Date.now() + offset),
        rewriteUrl: urlRewriter(parseRewrites(mocks.rewrites(calledOrigins(examples)))),
        // Every channel's messages are read from the transcript: none is really sent.
        adapters: Object.fromEntries(CHANNELS.map((channel) => [channel, transcriptAdapter])),
      },
    });
    await seedExampleFlows(api.services.db, EXAMPLES);
    const { key } = await createApiKey(api.services.db, 'example journeys', null);
    target = { api, key, mocks, setNow: (iso) => void (offset = Date.parse(iso) - Date.now()), now: () => new Date(Date.now() + offset) };
  });
  afterAll(async () => {
    await api?.close();
    await mocks?.close();
  });

  it('replays at least one journey of every example flow', () => {
    expect(examples.flows.size).toBeGreaterThanOrEqual(7);
    const missing = [...examples.flows.keys()].filter((id) => !replayed.some(({ journey }) => journey.flow === id));
    expect(missing).toEqual([]);
  });

  // One after another: each re-points its channel's binding and sets the shared clock.
  it.each(replayed)('$name', async (example) => {
    const flow = examples.flows.get(example.journey.flow);
    if (!flow) throw new Error(`${example.name}: there is no example flow "${example.journey.flow}"`);
    await replayJourney(target, example, flow);
  });
});
