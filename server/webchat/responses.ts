// Answers of the public web-chat endpoints. The widget is served from customers' sites, so any
// origin may call them (CORS `*`); they never use cookies, the visitor id in the request is the
// only identity. Errors are `{ error: { code, message, field? } }` like the REST API's.
import type { z } from 'zod';
import { readJsonBody } from '../http/jsonBody';
import { fieldProblem } from '../runtime/inbound';

export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, last-event-id',
  'access-control-max-age': '86400',
};

/** Bodies are a chat message and a few ids; anything larger is not from the widget. */
const MAX_BODY_BYTES = 16_384;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { ...CORS_HEADERS, 'cache-control': 'no-store' } });
}

export function failure(status: number, code: string, message: string, field?: string): Response {
  return json({ error: { code, message, ...(field ? { field } : {}) } }, status);
}

/** The first zod issue as a 400 naming its field. */
export function invalid(error: z.ZodError, prefix = ''): Response {
  const { field, message } = fieldProblem(error, prefix);
  return failure(400, 'invalid_field', message, field);
}

/** The JSON body, or the 400/413 to answer instead. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  return read.ok ? read : { ok: false, response: failure(read.status, read.code, read.message) };
}
