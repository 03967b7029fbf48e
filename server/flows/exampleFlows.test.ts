import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleFlows } from './exampleFlows';

const validFlow = {
  format: 'switchboard/flow@1',
  id: 'lost-card',
  name: 'Lost or stolen card',
  locale: 'th-TH',
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { channels: ['voice', 'sms'] } },
    { id: 'bye', type: 'end', position: { x: 0, y: 120 }, data: { outcome: 'resolved' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'bye' }],
};

describe('exampleFlows', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'switchboard-examples-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists valid flow files and reports broken ones', async () => {
    await writeFile(path.join(dir, 'lost-card.flow.json'), JSON.stringify(validFlow));
    await writeFile(path.join(dir, 'broken.flow.json'), '{ "id": "broken", ');
    await writeFile(path.join(dir, 'notes.txt'), 'not a flow');
    const journey = { format: 'switchboard/journey@1', name: 'j', flow: 'lost-card', steps: [{}] };
    await writeFile(path.join(dir, 'lost-card.happy.journey.json'), JSON.stringify(journey));
    await writeFile(path.join(dir, 'lost-card.sad.journey.json'), JSON.stringify(journey));

    const listing = await exampleFlows(dir);

    expect(listing.flows).toEqual([
      {
        file: 'lost-card.flow.json',
        id: 'lost-card',
        name: 'Lost or stolen card',
        locale: 'th-TH',
        nodeCount: 2,
        channels: ['voice', 'sms'],
        errors: 0,
        warnings: 0,
        journeys: 2,
      },
    ]);
    expect(listing.problems).toEqual([
      { file: 'broken.flow.json', reason: 'invalid-json', detail: expect.any(String) },
    ]);
  });

  it('reports JSON that is not a flow and defaults channels to all', async () => {
    await writeFile(path.join(dir, 'a.flow.json'), JSON.stringify({ id: 'a', nodes: [] }));
    const noChannels = { ...validFlow, id: 'b', nodes: [{ type: 'start', data: {} }] };
    await writeFile(path.join(dir, 'b.flow.json'), JSON.stringify(noChannels));

    const listing = await exampleFlows(dir);

    expect(listing.problems.map((p) => [p.file, p.reason])).toEqual([
      ['a.flow.json', 'invalid-flow'],
    ]);
    expect(listing.flows.map((f) => [f.id, f.channels])).toEqual([['b', 'all']]);
  });

  it('counts what the validator finds in each flow', async () => {
    const unreachable = { ...validFlow, nodes: [...validFlow.nodes, { id: 'orphan', type: 'end', data: {} }] };
    await writeFile(path.join(dir, 'lost-card.flow.json'), JSON.stringify(unreachable));
    const [flow] = (await exampleFlows(dir)).flows;
    expect(flow).toMatchObject({ errors: 1, warnings: 0, journeys: 0 });
  });

  it('treats a missing folder as empty', async () => {
    const listing = await exampleFlows(path.join(dir, 'does-not-exist'));
    expect(listing).toMatchObject({ flows: [], problems: [] });
  });
});
