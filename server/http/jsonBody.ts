// Reading a JSON request body for the plain-JSON endpoints (REST API, web chat): the body, or
// what to answer instead. Each caller shapes the answer with its own headers.
export type JsonBody =
  | { ok: true; body: unknown }
  | { ok: false; status: 400 | 413; code: 'invalid_json' | 'too_large'; message: string };

export async function readJsonBody(request: Request, maxBytes = Number.POSITIVE_INFINITY): Promise<JsonBody> {
  const tooLarge = { ok: false, status: 413, code: 'too_large', message: `The body is larger than ${maxBytes} bytes.` } as const;
  // The declared length first, so a huge body is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return tooLarge;
  const text = await request.text();
  if (Number.isFinite(maxBytes) && new TextEncoder().encode(text).byteLength > maxBytes) return tooLarge;
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' };
  }
}
