// A runtime with routing on a test database, a clock the test moves, and helpers to queue
// customers and make agents: what the routing integration tests drive.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { FLOW_FORMAT } from '@/flows';
import { conversations, handoffRecords, users, type Role } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { setBinding } from '../runtime/bindings';
import { handoffOf } from '../runtime/conversationView';
import { createServices, type Services } from '../services';
import { testDatabase, type DatabaseKind, type TestDatabase } from '../testing/database';
import { updateAgent, type AgentUpdate } from './agents';

/** A menu choosing a queue: billing (priority 0), fraud (skill fraud, priority 5), general. */
export const routingFlow = {
  format: FLOW_FORMAT,
  id: 'routing-desk',
  name: 'Routing desk',
  nodes: [
    { id: 'start', type: 'start', data: {} },
    {
      id: 'menu',
      type: 'menu',
      data: {
        prompt: 'billing, fraud or general?',
        options: [
          { id: 'billing', label: 'billing', match: ['billing'] },
          { id: 'fraud', label: 'fraud', match: ['fraud'] },
          { id: 'general', label: 'general', match: ['general'] },
        ],
      },
    },
    { id: 'to-billing', type: 'handoff', data: { queue: 'billing', summary: 'Billing: {{ input.text }}', positionText: 'You are number {{ queue.position }} in line, about {{ queue.estimatedWaitMinutes }} min.' } },
    { id: 'to-fraud', type: 'handoff', data: { queue: 'fraud', skills: ['fraud'], priority: 5 } },
    { id: 'to-general', type: 'handoff', data: { queue: 'general' } },
    { id: 'thanks', type: 'end', data: { outcome: 'resolved', text: 'Thanks, bye.' } },
    { id: 'left', type: 'end', data: { outcome: 'abandoned' } },
    { id: 'lost', type: 'end', data: { outcome: 'unhandled' } },
  ],
  edges: [
    { source: 'start', target: 'menu' },
    { source: 'menu', sourceHandle: 'billing', target: 'to-billing' },
    { source: 'menu', sourceHandle: 'fraud', target: 'to-fraud' },
    { source: 'menu', sourceHandle: 'general', target: 'to-general' },
    { source: 'menu', sourceHandle: 'noMatch', target: 'lost' },
    { source: 'menu', sourceHandle: 'noInput', target: 'lost' },
    ...['to-billing', 'to-fraud', 'to-general'].flatMap((node) => [
      { source: node, sourceHandle: 'resolved', target: 'thanks' },
      { source: node, sourceHandle: 'abandoned', target: 'left' },
    ]),
  ],
};

export interface RoutingHarness {
  services: Services;
  database: TestDatabase;
  /** Empties the database, puts the clock back and publishes and binds the routing flow again. */
  reset(): Promise<void>;
  /** The runtime's clock; `advance` moves it. */
  now(): Date;
  advance(ms: number): void;
  /** Lets the runtime apply everything and routing run until both are quiet. */
  settle(): Promise<void>;
  /** A customer on `channel` who picks `choice` in the menu; returns the conversation id. */
  queueCustomer(from: string, choice: string, channel?: 'api' | 'webchat' | 'voice'): Promise<string>;
  makeUser(name: string, role: Role): Promise<string>;
  makeAgent(name: string, profile: Omit<AgentUpdate, 'userId'>): Promise<string>;
  handoffOf(conversationId: string): Promise<ReturnType<typeof handoffOf>>;
  recordOf(conversationId: string): Promise<typeof handoffRecords.$inferSelect>;
  close(): Promise<void>;
}

export async function startRouting(kind: DatabaseKind, start = new Date('2026-03-02T03:00:00Z')): Promise<RoutingHarness> {
  const database = await testDatabase(kind);
  let now = start.getTime();
  const services = await createServices(database, { worker: true, redisUrl: '', routingPeriodMs: 3_600_000, runtime: { clock: () => new Date(now) } });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await services.runtime.idle();
      await services.routing.settled();
    }
  };
  return {
    services,
    database,
    reset: async () => {
      await database.reset();
      now = start.getTime();
      await createFlow(services.db, { id: routingFlow.id, name: routingFlow.name, content: readFlowDocument(routingFlow) }, null);
      await publishDraft(services.db, { id: routingFlow.id }, null);
      for (const channel of ['api', 'webchat', 'voice'] as const) await setBinding(services.db, { channel, flowId: routingFlow.id });
    },
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    settle,
    queueCustomer: async (from, choice, channel = 'api') => {
      const { conversationId } = await services.runtime.ingest({ channel, from, text: 'hello', contact: { name: from } });
      await services.runtime.idle();
      await services.runtime.ingest({ channel, from, text: choice });
      await settle();
      return conversationId;
    },
    makeUser: async (name, role) => {
      const id = randomUUID();
      await services.db.insert(users).values({ id, name, email: `${name.toLowerCase()}-${id.slice(0, 6)}@example.com`, role });
      return id;
    },
    makeAgent: async (name, profile) => {
      const id = randomUUID();
      await services.db.insert(users).values({ id, name, email: `${name.toLowerCase()}-${id.slice(0, 6)}@example.com`, role: 'agent' });
      await updateAgent(services.db, { userId: id, ...profile });
      return id;
    },
    handoffOf: async (conversationId) => {
      const [row] = await services.db.select({ snapshot: conversations.snapshot }).from(conversations).where(eq(conversations.id, conversationId));
      return handoffOf(row?.snapshot);
    },
    recordOf: async (conversationId) => {
      const rows = await services.db.select().from(handoffRecords).where(eq(handoffRecords.conversationId, conversationId)).orderBy(handoffRecords.id);
      const last = rows[rows.length - 1];
      if (!last) throw new Error(`no handoff record for ${conversationId}`);
      return last;
    },
    close: () => services.close(),
  };
}
