// What desk tests and the desk benchmark share: a flow that collects an order number, hands
// off with a summary and asks a CSAT question after the agent resolves; people to sign in.
import { FLOW_FORMAT } from '@/flows';
import { createUser } from '../auth/users';
import type { Role } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { setBinding } from '../runtime/bindings';
import type { Channel } from '../runtime/adapters';
import type { Services } from '../services';
import { apiClient, signIn, type ApiClient } from './apiClient';
import { TEST_PASSWORD } from './apiHarness';

export const DESK_FLOW_ID = 'desk-support';

/** The flow, handing off to `queue` (`support` by default). */
export function deskFlowFor(id: string, queue: string) {
  return {
    ...deskFlow,
    id,
    name: `Desk ${queue}`,
    nodes: deskFlow.nodes.map((node) => (node.type === 'handoff' ? { ...node, data: { ...node.data, queue } } : node)),
  };
}

export const deskFlow = {
  format: FLOW_FORMAT,
  id: DESK_FLOW_ID,
  name: 'Desk support',
  variables: { order: { type: 'string' }, csat: { type: 'number' } },
  nodes: [
    { id: 'start', type: 'start', data: {} },
    { id: 'ask-order', type: 'collect', data: { prompt: 'What is your order number?', variable: 'order', kind: 'text' } },
    { id: 'agent', type: 'handoff', data: { queue: 'support', summary: 'Order {{ vars.order }}: customer wants a person', waitText: 'Connecting you to a person.' } },
    { id: 'rate', type: 'survey', data: { kind: 'csat', question: 'How did we do? Answer 1 to 5.', variable: 'csat' } },
    { id: 'thanks', type: 'end', data: { outcome: 'resolved', text: 'Thank you!' } },
    { id: 'left', type: 'end', data: { outcome: 'abandoned' } },
  ],
  edges: [
    { source: 'start', target: 'ask-order' },
    { source: 'ask-order', target: 'agent' },
    { source: 'ask-order', sourceHandle: 'invalid', target: 'left' },
    { source: 'ask-order', sourceHandle: 'noInput', target: 'left' },
    { source: 'agent', sourceHandle: 'resolved', target: 'rate' },
    { source: 'agent', sourceHandle: 'abandoned', target: 'left' },
    { source: 'rate', sourceHandle: 'done', target: 'thanks' },
    { source: 'rate', sourceHandle: 'noResponse', target: 'thanks' },
  ],
};

/** Publishes the desk flow and binds it to `channel` (any address). */
export async function publishDeskFlow(services: Services, channel: Channel): Promise<void> {
  await createFlow(services.db, { id: DESK_FLOW_ID, name: deskFlow.name, content: readFlowDocument(deskFlow) }, null);
  await publishDraft(services.db, { id: DESK_FLOW_ID }, null);
  await setBinding(services.db, { channel, flowId: DESK_FLOW_ID });
}

export interface Person {
  id: string;
  name: string;
  cookie: string;
  api: ApiClient;
}

/** Creates an account and signs it in: its id, session cookie and a tRPC client. */
export async function person(services: Services, url: string, role: Role, name: string): Promise<Person> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.com`;
  const user = await createUser(services.auth, services.db, { email, name, password: TEST_PASSWORD, role });
  const cookie = await signIn(url, email, TEST_PASSWORD);
  return { id: user.id, name, cookie, api: apiClient(url, cookie) };
}
