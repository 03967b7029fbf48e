import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settings } from '../db/schema';
import { listBindings, removeBinding, setBinding } from '../runtime/bindings';
import { testDatabase, type TestDatabase } from '../testing/database';
import { getFlow, listFlows } from './flowStore';
import { listVersions } from './publishing';
import { bindWebchatDemo, seedExampleFlows } from './seed';

describe('seeding the example flows', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase('pglite');
  });
  beforeEach(async () => {
    await database.reset();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('publishes every example as version 1, subflows first, once', async () => {
    const report = await seedExampleFlows(database.db);
    expect(report.already).toBe(false);
    expect(report.seeded).toHaveLength(8);
    expect(report.seeded.indexOf('verify-identity')).toBeLessThan(report.seeded.indexOf('lost-card'));
    const flows = await listFlows(database.db);
    expect(flows.map((f) => f.id).sort()).toEqual([...report.seeded].sort());
    expect(flows.every((f) => f.latestVersion === 1)).toBe(true);
    const versions = await listVersions(database.db, 'lost-card');
    expect(versions).toEqual([expect.objectContaining({ number: 1, note: 'Example flow', publishedBy: null })]);
    expect((await getFlow(database.db, 'lost-card')).draft.revision).toBe(1);

    expect(await seedExampleFlows(database.db)).toEqual({ seeded: [], already: true, demoBound: false });
  });

  it('binds web chat key "demo" to the order-status example on a database without bindings, once', async () => {
    const report = await seedExampleFlows(database.db);
    expect(report.demoBound).toBe(true);
    const bindings = await listBindings(database.db);
    expect(bindings).toEqual([expect.objectContaining({ channel: 'webchat', address: 'demo', flowId: 'order-status' })]);

    // Removed by the owner: the next start does not bring it back.
    await removeBinding(database.db, bindings[0]?.id ?? '');
    expect((await seedExampleFlows(database.db)).demoBound).toBe(false);
    expect(await listBindings(database.db)).toEqual([]);
  });

  it('binds the demo on the next start of an install seeded before it existed, unless it has bindings', async () => {
    const { db } = database;
    // An older install: the examples are published, the demo binding was never made.
    const forgetDemo = async () => {
      for (const binding of await listBindings(db)) await removeBinding(db, binding.id);
      await db.delete(settings).where(eq(settings.key, 'webchat-demo-bound'));
    };
    await seedExampleFlows(db);
    await forgetDemo();
    await setBinding(db, { channel: 'api', flowId: 'lost-card' });
    expect(await seedExampleFlows(db)).toEqual({ seeded: [], already: true, demoBound: false });
    expect((await listBindings(db)).map((b) => b.channel)).toEqual(['api']);

    await forgetDemo();
    expect(await bindWebchatDemo(db)).toBe(true);
    expect((await listBindings(db)).map((b) => `${b.channel} ${b.address} ${b.flowId}`)).toEqual(['webchat demo order-status']);
  });
});
