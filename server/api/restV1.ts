// The REST API v1 (DESIGN.md "HTTP API"): JSON in and out, errors as
// `{ error: { code, message, field? } }`, machine clients authenticated by API key.
import { verifyApiKey } from '../auth/apiKeys';
import { UserError } from '../errors';
import { conversationView } from '../runtime/conversationView';
import { firstIssue, InboundEvent } from '../runtime/inbound';
import type { Runtime } from '../runtime/runtime';
import type { Services } from '../services';

export const REST_PREFIX = '/api/v1';

export async function handleRestV1(request: Request, services: Services, runtime: Runtime): Promise<Response> {
  const path = new URL(request.url).pathname.slice(REST_PREFIX.length);
  const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!key || !(await verifyApiKey(services.db, key))) {
    return failure(401, 'unauthorized', 'Send a valid API key: Authorization: Bearer <key> (create one with `switchboard apikey create`).');
  }
  try {
    if (path === '/events' && request.method === 'POST') return await postEvent(request, runtime);
    const conversation = /^\/conversations\/([0-9a-f-]{36})$/.exec(path);
    if (conversation?.[1] && request.method === 'GET') return Response.json(await conversationView(services.db, conversation[1]));
    return failure(404, 'not_found', `No ${request.method} ${REST_PREFIX}${path}.`);
  } catch (error) {
    if (error instanceof UserError) {
      const status = error.reason === 'not-found' ? 404 : error.reason === 'invalid' ? 400 : 409;
      return failure(status, error.reason.replace('-', '_'), error.message, error.details.issues?.[0]?.path);
    }
    throw error;
  }
}

async function postEvent(request: Request, runtime: Runtime): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return failure(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const parsed = InboundEvent.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    return failure(400, 'invalid_field', `${field}: ${message}`, field);
  }
  const ingested = await runtime.ingest(parsed.data);
  return Response.json({ conversationId: ingested.conversationId, eventId: ingested.eventId }, { status: 202 });
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
