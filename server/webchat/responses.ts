// Answers of the public web-chat endpoints. The widget is served from customers' sites, so any
// origin may call them (CORS `*`); they never use cookies, the visitor id in the request is the
// only identity. Errors are `{ error: { code, message, field? } }` like the REST API's.
import type { z } from 'zod';
import { firstIssue } from '../runtime/inbound';

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
  const { field, message } = firstIssue(error);
  const path = prefix && field ? `${prefix}.${field}` : field || prefix;
  return failure(400, 'invalid_field', `${path}: ${message}`, path);
}

/** The JSON body, or the 400/413 to answer instead. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: failure(413, 'too_large', `The body is larger than ${MAX_BODY_BYTES} bytes.`) });
  // The declared length first, so a huge body is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) return tooLarge();
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: failure(400, 'invalid_json', 'The body is not valid JSON.') };
  }
}
