// A published version runs with the subflows of its publishing time: publishing a subflow later
// changes new parent versions only, in every process and after every restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT, simulatedServices, startJourney } from '@/flows';
import { readFlowDocument } from '../flows/document';
import { createFlow, saveDraft } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { testDatabase, type TestDatabase } from '../testing/database';
import { MachineCache } from './machines';

const greeter = (text: string) => ({
  format: FLOW_FORMAT,
  id: 'greeter',
  name: 'Greeter',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'hello', type: 'message', data: { text } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
  ],
  edges: [
    { source: 'start', target: 'hello' },
    { source: 'hello', target: 'done' },
  ],
});

const main = {
  format: FLOW_FORMAT,
  id: 'main',
  name: 'Main',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'greet', type: 'subflow', data: { flow: 'greeter' } },
    { id: 'done', type: 'end', data: { outcome: 'resolved' } },
    { id: 'broken', type: 'end', data: { outcome: 'error' } },
  ],
  edges: [
    { source: 'start', target: 'greet' },
    { source: 'greet', sourceHandle: 'done', target: 'done' },
    { source: 'greet', sourceHandle: 'error', target: 'broken' },
  ],
};

describe('compiled machines and subflow versions', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await testDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  const greetingOf = async (version: number) => {
    // A fresh cache: what another worker, or this one after a restart, would build.
    const program = await new MachineCache(simulatedServices).get(database.db, 'main', version);
    const started = startJourney(program.machine, { conversationId: 'c1', contact: { attributes: {} }, channel: 'webchat', now: '2026-03-02T10:00:00Z' });
    return started.effects.flatMap((effect) => (effect.type === 'send' ? [effect.text] : []));
  };

  it('keeps a parent version on the subflow version current when it was published', async () => {
    const db = database.db;
    await createFlow(db, { id: 'greeter', name: 'Greeter', content: readFlowDocument(greeter('Hello from greeter v1')) }, null);
    await publishDraft(db, { id: 'greeter' }, null);
    await createFlow(db, { id: 'main', name: 'Main', content: readFlowDocument(main) }, null);
    await publishDraft(db, { id: 'main' }, null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await saveDraft(db, { id: 'greeter', revision: 1, content: greeter('Hello from greeter v2') }, null);
    await publishDraft(db, { id: 'greeter' }, null);

    expect(await greetingOf(1)).toEqual(['Hello from greeter v1']);
    await saveDraft(db, { id: 'main', revision: 1, content: { ...main, name: 'Main, again' } }, null);
    await publishDraft(db, { id: 'main' }, null);
    expect(await greetingOf(2)).toEqual(['Hello from greeter v2']);
  });
});
