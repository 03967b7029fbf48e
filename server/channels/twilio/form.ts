// Twilio posts webhooks as application/x-www-form-urlencoded. Read with a size limit: the
// parameters of a call or a message are a few kilobytes at most.
const MAX_FORM_BYTES = 64 * 1024;

export type FormResult = { ok: true; params: Record<string, string> } | { ok: false; status: number; message: string };

export async function readForm(request: Request): Promise<FormResult> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { ok: false, status: 415, message: 'Twilio webhooks are application/x-www-form-urlencoded.' };
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_FORM_BYTES) return { ok: false, status: 413, message: 'The form is too large.' };
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) return { ok: false, status: 413, message: 'The form is too large.' };
  const params: Record<string, string> = {};
  // A repeated name keeps its first value; Twilio sends each parameter once.
  for (const [name, value] of new URLSearchParams(text)) if (!(name in params)) params[name] = value;
  return { ok: true, params };
}
