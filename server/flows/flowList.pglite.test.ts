// The list's publish state: what lets the flows list say "unpublished changes".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema';
import { testDatabase, type TestDatabase } from '../testing/database';
import { createFlow, getFlow, listFlows, saveDraft, setArchived } from './flowStore';
import { listVersions, publishDraft } from './publishing';

describe('listFlows', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  const row = async (id: string) => (await listFlows(database.db, { includeArchived: true })).find((flow) => flow.id === id);

  it('gives the latest version time beside the draft time', async () => {
    const { db } = database;
    await createFlow(db, { name: 'Lost card', id: 'lost-card' }, null);
    expect(await row('lost-card')).toMatchObject({ latestVersion: 0, publishedAt: null, nodeCount: 2 });

    await publishDraft(db, { id: 'lost-card' }, null);
    const published = await row('lost-card');
    expect(published?.latestVersion).toBe(1);
    expect(published?.publishedAt?.getTime()).toBeGreaterThanOrEqual(published?.draftUpdatedAt.getTime() ?? Infinity);

    const { draft } = await getFlow(db, 'lost-card');
    await saveDraft(db, { id: 'lost-card', revision: draft.revision, content: { ...draft.content, name: 'Lost card v2' } }, null);
    const edited = await row('lost-card');
    expect(edited?.draftUpdatedAt.getTime()).toBeGreaterThan(edited?.publishedAt?.getTime() ?? Infinity);
  });

  it('names who published each version, newest first', async () => {
    const { db } = database;
    await db.insert(users).values({ id: 'user-ana', name: 'Ana Siriwan', email: 'ana@example.com', role: 'designer' });
    await createFlow(db, { name: 'Order status', id: 'order-status' }, null);
    await publishDraft(db, { id: 'order-status', note: 'first' }, null);
    await publishDraft(db, { id: 'order-status', note: 'second' }, 'user-ana');
    const versions = await listVersions(db, 'order-status');
    expect(versions.map((v) => [v.number, v.note, v.publishedByName])).toEqual([
      [2, 'second', 'Ana Siriwan'],
      [1, 'first', null],
    ]);
  });

  it('lists archived flows only when asked', async () => {
    await createFlow(database.db, { name: 'Old IVR', id: 'old-ivr' }, null);
    await setArchived(database.db, 'old-ivr', true);
    expect((await listFlows(database.db)).map((flow) => flow.id)).not.toContain('old-ivr');
    expect((await row('old-ivr'))?.archivedAt).not.toBeNull();
  });
});
