// The HTTP side of the agent stream: the session cookie says who is asking; `?conversation=`
// (repeatable) names the conversations the page has open.
import { z } from 'zod';
import { ROLES } from '../db/schema';
import { assignedConversations } from '../routing';
import { SSE_HEADERS } from '../runtime/stream';
import type { Services } from '../services';
import { agentStream } from './agentStream';

export const AGENT_STREAM_PATH = '/api/agent/stream';

const OpenIds = z.array(z.uuid()).max(20);

export async function handleAgentStream(request: Request, services: Services): Promise<Response> {
  if (request.method !== 'GET') return failure(405, 'method_not_allowed', 'Use GET.');
  const session = await services.auth.api.getSession({ headers: request.headers });
  if (!session) return failure(401, 'unauthorized', 'Sign in to use the agent desktop.');
  const role = ROLES.find((r) => r === session.user.role) ?? 'viewer';
  if (role !== 'agent' && role !== 'admin') return failure(403, 'forbidden', `Your role (${role}) cannot use the agent desktop.`);
  const open = OpenIds.safeParse(new URL(request.url).searchParams.getAll('conversation'));
  if (!open.success) return failure(400, 'invalid_field', 'conversation must be up to 20 conversation ids.', 'conversation');
  const userId = session.user.id;
  const stream = agentStream(services.runtime.notifier, {
    open: open.data,
    assigned: async () => (await assignedConversations(services.db, userId)).map((item) => item.conversationId),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
