// Which flow answers a channel: a binding for the exact address wins over the channel's
// catch-all (address null).
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelBindings, flows, type CHANNELS } from '../db/schema';
import { notFound } from '../errors';

type Channel = (typeof CHANNELS)[number];

export async function boundFlow(db: Database, channel: Channel, to: string | undefined): Promise<string | undefined> {
  const rows = await db
    .select({ flowId: channelBindings.flowId, address: channelBindings.address })
    .from(channelBindings)
    .where(
      and(
        eq(channelBindings.channel, channel),
        to === undefined ? isNull(channelBindings.address) : or(isNull(channelBindings.address), eq(channelBindings.address, to)),
      ),
    )
    .orderBy(sql`${channelBindings.address} is null`);
  return rows[0]?.flowId;
}

export async function listBindings(db: Database) {
  return db.select().from(channelBindings).orderBy(asc(channelBindings.channel), asc(channelBindings.address));
}

/** Binds (or rebinds) a channel, optionally one address of it, to a flow. */
export async function setBinding(db: Database, input: { channel: Channel; address?: string; flowId: string }) {
  const [flow] = await db.select({ id: flows.id }).from(flows).where(eq(flows.id, input.flowId));
  if (!flow) throw notFound(`There is no flow "${input.flowId}".`);
  const [row] = await db
    .insert(channelBindings)
    .values({ channel: input.channel, address: input.address ?? null, flowId: input.flowId })
    .onConflictDoUpdate({ target: [channelBindings.channel, channelBindings.address], set: { flowId: input.flowId } })
    .returning();
  if (!row) throw new Error('the binding was not saved');
  return row;
}

export async function removeBinding(db: Database, id: string) {
  const [row] = await db.delete(channelBindings).where(eq(channelBindings.id, id)).returning();
  if (!row) throw notFound(`There is no binding ${id}.`);
  return row;
}
