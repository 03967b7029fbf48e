// Agent profiles: skills with levels, capacity per channel, presence and idle time. A user
// without a profile row has the defaults (no skills, offline, the default capacity).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { agentProfiles, CHANNELS, handoffRecords, PRESENCES, users, type AgentProfileRow, type Channel, type Presence, type Role } from '../db/schema';
import { notFound } from '../errors';
import type { AgentState } from './types';

export const DEFAULT_CAPACITY: Partial<Record<Channel, number>> = { voice: 1, webchat: 3, line: 3, email: 5, sms: 3, api: 3 };

export const PresenceInput = z.enum(PRESENCES);

export const AgentUpdate = z.object({
  userId: z.string().min(1).max(200),
  skills: z
    .array(z.object({ skill: z.string().trim().min(1).max(100), level: z.number().int().min(1).max(5) }))
    .max(50)
    .refine((skills) => new Set(skills.map((s) => s.skill)).size === skills.length, 'a skill is listed twice')
    .optional(),
  capacity: z.partialRecord(z.enum(CHANNELS), z.number().int().min(0).max(50)).optional(),
  readTranscripts: z.boolean().optional(),
});
export type AgentUpdate = z.infer<typeof AgentUpdate>;

export interface AgentListItem {
  userId: string;
  name: string;
  email: string;
  role: Role;
  skills: AgentProfileRow['skills'];
  capacity: AgentProfileRow['capacity'];
  presence: Presence;
  presenceSince: string | null;
  readTranscripts: boolean;
  load: Partial<Record<Channel, number>>;
}

/** Agents and designers (whose transcript access is set here), and anyone with a profile, by name. */
export async function listAgents(db: Database): Promise<AgentListItem[]> {
  const rows = await db
    .select({ user: users, profile: agentProfiles })
    .from(users)
    .leftJoin(agentProfiles, eq(agentProfiles.userId, users.id))
    .where(sql`${users.role} in ('agent', 'designer') or ${agentProfiles.userId} is not null`)
    .orderBy(asc(users.name));
  const loads = await loadsOf(db, rows.map((row) => row.user.id));
  return rows.map(({ user, profile }) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    skills: profile?.skills ?? [],
    capacity: profile?.capacity ?? DEFAULT_CAPACITY,
    presence: profile?.presence ?? 'offline',
    presenceSince: profile?.presenceSince.toISOString() ?? null,
    readTranscripts: profile?.readTranscripts ?? false,
    load: loads.get(user.id) ?? {},
  }));
}

/** Creates the profile with defaults when missing, then applies the given fields. */
export async function updateAgent(db: Database, update: AgentUpdate): Promise<void> {
  await requireUser(db, update.userId);
  const set = {
    ...(update.skills ? { skills: update.skills } : {}),
    ...(update.capacity ? { capacity: update.capacity } : {}),
    ...(update.readTranscripts !== undefined ? { readTranscripts: update.readTranscripts } : {}),
    updatedAt: new Date(),
  };
  await db
    .insert(agentProfiles)
    .values({ userId: update.userId, capacity: DEFAULT_CAPACITY, ...set })
    .onConflictDoUpdate({ target: agentProfiles.userId, set });
}

export async function agentProfile(db: Database, userId: string): Promise<AgentProfileRow | undefined> {
  const [row] = await db.select().from(agentProfiles).where(eq(agentProfiles.userId, userId));
  return row;
}

export async function agentState(db: Database, userId: string): Promise<AgentState> {
  const profile = await agentProfile(db, userId);
  const loads = await loadsOf(db, [userId]);
  return {
    presence: profile?.presence ?? 'offline',
    skills: profile?.skills ?? [],
    capacity: profile?.capacity ?? DEFAULT_CAPACITY,
    load: loads.get(userId) ?? {},
  };
}

/**
 * Stores the presence; becoming available (from anything else) restarts the idle time. Returns
 * whether it changed. Unchanged presence keeps its `since`.
 */
export async function storePresence(db: Database, userId: string, presence: Presence, now: Date): Promise<boolean> {
  await requireUser(db, userId);
  const current = await agentProfile(db, userId);
  if (current?.presence === presence) return false;
  const set = { presence, presenceSince: now, updatedAt: now, ...(presence === 'available' ? { idleSince: now } : {}) };
  await db
    .insert(agentProfiles)
    .values({ userId, capacity: DEFAULT_CAPACITY, idleSince: now, ...set })
    .onConflictDoUpdate({ target: agentProfiles.userId, set });
  return true;
}

/** Conversations assigned now, per agent and channel. */
export async function loadsOf(db: Database, agentIds: string[]): Promise<Map<string, Partial<Record<Channel, number>>>> {
  const loads = new Map<string, Partial<Record<Channel, number>>>();
  if (agentIds.length === 0) return loads;
  const rows = await db
    .select({ agentId: handoffRecords.agentId, channel: handoffRecords.channel, count: sql<number>`count(*)::int` })
    .from(handoffRecords)
    .where(and(eq(handoffRecords.status, 'assigned'), inArray(handoffRecords.agentId, agentIds)))
    .groupBy(handoffRecords.agentId, handoffRecords.channel);
  for (const row of rows) {
    if (!row.agentId) continue;
    const load = loads.get(row.agentId) ?? {};
    load[row.channel] = Number(row.count);
    loads.set(row.agentId, load);
  }
  return loads;
}

async function requireUser(db: Database, userId: string): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound(`There is no user ${userId}.`);
}
