import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../testing/database';
import { getFlow, listFlows } from './flowStore';
import { listVersions } from './publishing';
import { seedExampleFlows } from './seed';

describe('seeding the example flows', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('publishes every example as version 1, subflows first, once', async () => {
    const report = await seedExampleFlows(database.db);
    expect(report.already).toBe(false);
    expect(report.seeded).toHaveLength(7);
    expect(report.seeded.indexOf('verify-identity')).toBeLessThan(report.seeded.indexOf('lost-card'));
    const flows = await listFlows(database.db);
    expect(flows.map((f) => f.id).sort()).toEqual([...report.seeded].sort());
    expect(flows.every((f) => f.latestVersion === 1)).toBe(true);
    const versions = await listVersions(database.db, 'lost-card');
    expect(versions).toEqual([expect.objectContaining({ number: 1, note: 'Example flow', publishedBy: null })]);
    expect((await getFlow(database.db, 'lost-card')).draft.revision).toBe(1);

    expect(await seedExampleFlows(database.db)).toEqual({ seeded: [], already: true });
  });
});
