// The REST API v1 (DESIGN.md "HTTP API"): JSON in and out, errors as
// `{ error: { code, message, field? } }`, machine clients authenticated by API key.
import { verifyApiKey } from '../auth/apiKeys';
import { UserError } from '../errors';
import { AgentAction } from '../runtime/agentActions';
import { conversationView } from '../runtime/conversationView';
import { waitingHandoffs } from '../runtime/handoffs';
import { readJsonBody } from '../http/jsonBody';
import { fieldProblem, InboundEvent } from '../runtime/inbound';
import type { Runtime } from '../runtime/runtime';
import { conversationStream, resumeAfter, SSE_HEADERS } from '../runtime/stream';
import type { Services } from '../services';
import { httpStatus } from './errors';

export const REST_PREFIX = '/api/v1';

const CONVERSATION = /^\/conversations\/([0-9a-f-]{36})(\/stream|\/agent)?$/;

export async function handleRestV1(request: Request, services: Services, runtime: Runtime): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.slice(REST_PREFIX.length);
  const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!key || !(await verifyApiKey(services.db, key))) {
    return failure(401, 'unauthorized', 'Send a valid API key: Authorization: Bearer <key> (create one with `switchboard apikey create`).');
  }
  try {
    if (path === '/events' && request.method === 'POST') return await postEvent(request, runtime);
    if (path === '/handoffs' && request.method === 'GET') return Response.json({ handoffs: await waitingHandoffs(services.db, url.searchParams.get('queue') ?? undefined) });
    const [, id, rest] = CONVERSATION.exec(path) ?? [];
    if (id && !rest && request.method === 'GET') return Response.json(await conversationView(services.db, id));
    if (id && rest === '/stream' && request.method === 'GET') {
      const stream = await conversationStream(services.db, runtime.notifier, id, { after: resumeAfter(request), signal: request.signal });
      return new Response(stream, { headers: SSE_HEADERS });
    }
    if (id && rest === '/agent' && request.method === 'POST') return await postAgentAction(request, runtime, id);
    return failure(404, 'not_found', `No ${request.method} ${REST_PREFIX}${path}.`);
  } catch (error) {
    if (error instanceof UserError) return failure(httpStatus(error), error.reason.replace('-', '_'), error.message, error.details.issues?.[0]?.path);
    throw error;
  }
}

async function postEvent(request: Request, runtime: Runtime): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) return failure(read.status, read.code, read.message);
  const parsed = InboundEvent.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  const ingested = await runtime.ingest(parsed.data);
  return Response.json({ conversationId: ingested.conversationId, eventId: ingested.eventId }, { status: 202 });
}

/** `POST /api/v1/conversations/:id/agent` `{ action: accept|reply|transfer|resolve, … }`. */
async function postAgentAction(request: Request, runtime: Runtime, conversationId: string): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) return failure(read.status, read.code, read.message);
  const parsed = AgentAction.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  return Response.json(await runtime.agent(conversationId, parsed.data), { status: 202 });
}

function invalid(error: Parameters<typeof fieldProblem>[0]): Response {
  const { field, message } = fieldProblem(error);
  return failure(400, 'invalid_field', message, field);
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
