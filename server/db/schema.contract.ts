// The constraints the runtime and the agent desktop rely on, checked on a real database.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase, type DatabaseKind, type TestDatabase } from '../testing/database';
import { channelBindings, contactIdentities, contacts, conversations, events, flows, timers } from './schema';

export function describeSchemaContract(kind: DatabaseKind): void {
  describe(`schema constraints (${kind})`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await testDatabase(kind);
    });
    beforeEach(async () => {
      await database.reset();
    });
    afterAll(async () => {
      await database?.close();
    });

    async function contact(name: string) {
      const [row] = await database.db.insert(contacts).values({ name }).returning();
      if (!row) throw new Error('no contact');
      return row;
    }

    async function conversation(contactId: string, status: 'active' | 'ended' = 'active') {
      await database.db.insert(flows).values({ id: 'f', name: 'F' }).onConflictDoNothing();
      const [row] = await database.db
        .insert(conversations)
        .values({ contactId, flowId: 'f', flowVersion: 1, channel: 'sms', status })
        .returning();
      if (!row) throw new Error('no conversation');
      return row;
    }

    it('gives one identity (channel + address) to one contact only', async () => {
      const ana = await contact('Ana');
      const ben = await contact('Ben');
      await database.db.insert(contactIdentities).values({ contactId: ana.id, channel: 'sms', address: '+66810000001' });
      await database.db.insert(contactIdentities).values({ contactId: ana.id, channel: 'email', address: 'ana@example.com' });
      await expect(
        database.db.insert(contactIdentities).values({ contactId: ben.id, channel: 'sms', address: '+66810000001' }),
      ).rejects.toThrow();
      await database.db.insert(contactIdentities).values({ contactId: ben.id, channel: 'voice', address: '+66810000001' });
      const anas = await database.db.select().from(contactIdentities).where(eq(contactIdentities.contactId, ana.id));
      expect(anas).toHaveLength(2);
    });

    it('keeps at most one open conversation per contact', async () => {
      const ana = await contact('Ana');
      await conversation(ana.id, 'ended');
      await conversation(ana.id, 'active');
      await expect(conversation(ana.id, 'active')).rejects.toThrow();
      await conversation(ana.id, 'ended');
    });

    it('applies a redelivered message once and numbers events per conversation', async () => {
      const ana = await contact('Ana');
      const open = await conversation(ana.id);
      const event = { conversationId: open.id, type: 'CUSTOMER', payload: { text: 'hi' } };
      await database.db.insert(events).values({ ...event, seq: 1, dedupeKey: 'sms:SM1' });
      const again = await database.db
        .insert(events)
        .values({ ...event, seq: 2, dedupeKey: 'sms:SM1' })
        .onConflictDoNothing()
        .returning();
      expect(again).toEqual([]);
      await expect(database.db.insert(events).values({ ...event, seq: 1, dedupeKey: 'sms:SM2' })).rejects.toThrow();
      await database.db.insert(events).values({ ...event, seq: 2, dedupeKey: null });
      await database.db.insert(events).values({ ...event, seq: 3, dedupeKey: null });
    });

    it('binds one flow per channel and address, with one catch-all per channel', async () => {
      await database.db.insert(flows).values([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }]);
      await database.db.insert(channelBindings).values({ channel: 'sms', address: null, flowId: 'a' });
      await database.db.insert(channelBindings).values({ channel: 'sms', address: '+6620000000', flowId: 'b' });
      await expect(database.db.insert(channelBindings).values({ channel: 'sms', address: null, flowId: 'b' })).rejects.toThrow();
      await expect(
        database.db.insert(channelBindings).values({ channel: 'sms', address: '+6620000000', flowId: 'a' }),
      ).rejects.toThrow();
    });

    it('refuses text outside the enums, even from raw SQL', async () => {
      const ana = await contact('Ana');
      await database.db.insert(flows).values({ id: 'f', name: 'F' });
      const insert = (channel: string) =>
        database.db.execute(
          sql`insert into conversations (contact_id, flow_id, flow_version, channel) values (${ana.id}, 'f', 1, ${channel})`,
        );
      await expect(insert('fax')).rejects.toThrow();
      await insert('sms');
      await expect(
        database.db.execute(sql`insert into users (id, name, email, role) values ('u1', 'U', 'u@example.com', 'owner')`),
      ).rejects.toThrow();
    });

    it('keeps one timer per token and conversation', async () => {
      const ana = await contact('Ana');
      const open = await conversation(ana.id);
      const timer = { conversationId: open.id, token: 't1', fireAt: new Date('2026-01-01T00:00:00Z') };
      await database.db.insert(timers).values(timer);
      await expect(database.db.insert(timers).values(timer)).rejects.toThrow();
    });
  });
}
