// Routing benchmark: assignment decisions per second with 500 agents and 5,000 waiting
// conversations, for the pure decision (`assign`) and for a database-backed round on
// PostgreSQL (read waiting records, agents and loads under the advisory lock, decide, lock the
// conversations, write the assignments and their AGENT_ACCEPT events, commit), side by side.
// Run alone with `npx tsx scripts/bench/routing.ts`; `npm run bench` runs it after the others.
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { FLOW_FORMAT } from '../../flows';
import type { Database } from '../../server/db/client';
import { agentProfiles, contacts, conversations, handoffRecords, users, type Channel } from '../../server/db/schema';
import { readFlowDocument } from '../../server/flows/document';
import { createFlow } from '../../server/flows/flowStore';
import { assign, type RoutableAgent, type WaitingConversation } from '../../server/routing/assign';
import { routingRound } from '../../server/routing/round';
import { defer } from './cleanup';
import { scratchPostgres } from './storage';

const AGENTS = 500;
const WAITING = 5_000;
const SKILLS = ['thai', 'english', 'cards', 'loans', 'fraud', 'billing', 'mobile', 'vip'];
const CHANNELS: Channel[] = ['voice', 'webchat', 'line', 'email', 'sms'];
const NOW = Date.parse('2026-03-02T03:00:00Z');

export async function benchRouting(): Promise<void> {
  console.log(`Routing: ${AGENTS} agents, ${WAITING.toLocaleString('en')} waiting conversations (median of runs; a decision = one waiting conversation placed or passed over)`);
  console.log('  path                      round p50   decisions/s   assigned per round');
  const random = seeded(7);
  const agents = makeAgents(random);
  const waiting = makeWaiting(random);
  const pure = benchPure(agents, waiting);
  console.log(row('pure assign()', pure.ms, pure.assigned));
  const db = await benchDatabase(agents, waiting);
  console.log(row('PostgreSQL round', db.ms, db.assigned));
  console.log(`  the database round costs ${(db.ms / pure.ms).toFixed(0)}× the decision: reading and writing, not deciding, sets the pace`);
}

function benchPure(agents: RoutableAgent[], waiting: WaitingConversation[]): { ms: number; assigned: number } {
  let assigned = 0;
  const times: number[] = [];
  for (let run = 0; run < 25; run++) {
    const started = performance.now();
    assigned = assign(waiting, agents, NOW).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times.slice(5)), assigned };
}

async function benchDatabase(agents: RoutableAgent[], waiting: WaitingConversation[]): Promise<{ ms: number; assigned: number }> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = await scratchPostgres(url);
  const release = defer(() => scratch.drop());
  try {
    const { db } = scratch.handle;
    await seed(db, agents, waiting);
    const times: number[] = [];
    let assigned = 0;
    for (let run = 0; run < 8; run++) {
      await resetRound(db);
      const started = performance.now();
      assigned = (await routingRound(db, new Date(NOW))).assigned.length;
      times.push(performance.now() - started);
    }
    return { ms: median(times.slice(2)), assigned };
  } finally {
    await release();
  }
}

/** Every record waiting again, agents free, the accept events gone: each round does the full work. */
async function resetRound(db: Database): Promise<void> {
  await db.execute(sql`update handoff_records set status = 'waiting', agent_id = null, assigned_at = null`);
  await db.execute(sql`delete from events`);
  await db.execute(sql`update agent_profiles set idle_since = v.idle from (select user_id, presence_since as idle from agent_profiles) v where v.user_id = agent_profiles.user_id`);
}

async function seed(db: Database, agents: RoutableAgent[], waiting: WaitingConversation[]): Promise<void> {
  const flow = { format: FLOW_FORMAT, id: 'bench-routing', name: 'Bench routing', nodes: [{ id: 'start', type: 'start', data: {} }, { id: 'agent', type: 'handoff', data: { queue: 'support' } }], edges: [{ source: 'start', target: 'agent' }] };
  await createFlow(db, { id: flow.id, name: flow.name, content: readFlowDocument(flow) }, null);
  for (const part of chunks(agents, 500)) {
    await db.insert(users).values(part.map((a) => ({ id: a.agentId, name: a.agentId, email: `${a.agentId}@bench.example`, role: 'agent' as const })));
    await db.insert(agentProfiles).values(
      part.map((a) => ({ userId: a.agentId, skills: [...a.skills].map(([skill, level]) => ({ skill, level })), capacity: a.capacity, presence: 'available' as const, presenceSince: new Date(a.idleSince), idleSince: new Date(a.idleSince) })),
    );
  }
  for (const part of chunks(waiting, 1_000)) {
    const contactRows = await db.insert(contacts).values(part.map((w) => ({ name: w.conversationId }))).returning({ id: contacts.id });
    const conversationRows = await db
      .insert(conversations)
      .values(part.map((w, i) => ({ contactId: contactRows[i]?.id ?? '', flowId: flow.id, flowVersion: 1, channel: w.channel, status: 'handoff' as const, queue: 'support' })))
      .returning({ id: conversations.id, contactId: conversations.contactId });
    await db.insert(handoffRecords).values(
      part.map((w, i) => ({
        conversationId: conversationRows[i]?.id ?? '',
        contactId: conversationRows[i]?.contactId ?? '',
        channel: w.channel,
        queue: 'support',
        skills: w.requires.map((r) => r.skill),
        priority: w.priority,
        queuedAt: new Date(w.waitingSince),
        waitingSince: new Date(w.waitingSince),
      })),
    );
  }
}

function makeAgents(random: () => number): RoutableAgent[] {
  return Array.from({ length: AGENTS }, (_, i) => {
    const skills = new Map<string, number>();
    for (const skill of SKILLS) if (random() < 0.4) skills.set(skill, 1 + Math.floor(random() * 5));
    const capacity: Partial<Record<Channel, number>> = {};
    for (const channel of CHANNELS) if (random() < 0.6) capacity[channel] = channel === 'voice' ? 1 : 1 + Math.floor(random() * 3);
    return { agentId: `agent-${String(i).padStart(4, '0')}`, available: true, skills, capacity, load: {}, idleSince: NOW - Math.floor(random() * 3_600_000) };
  });
}

function makeWaiting(random: () => number): WaitingConversation[] {
  return Array.from({ length: WAITING }, (_, i) => {
    const requires = SKILLS.filter(() => random() < 0.15).map((skill) => ({ skill, minLevel: 1 }));
    return {
      conversationId: `c-${i}`,
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'webchat',
      requires,
      priority: random() < 0.1 ? 5 : 0,
      queuePriority: 0,
      waitingSince: NOW - Math.floor(random() * 1_800_000),
    };
  });
}

function row(path: string, ms: number, assigned: number): string {
  return `  ${path.padEnd(24)} ${`${ms.toFixed(1)} ms`.padStart(11)}   ${Math.round((WAITING / ms) * 1000).toLocaleString('en').padStart(11)}   ${String(assigned).padStart(18)}`;
}

/** A small deterministic generator (mulberry32): the same agents and queue every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRouting().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
