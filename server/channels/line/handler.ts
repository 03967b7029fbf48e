// `POST /api/channels/line`: LINE's webhook. The body must be signed with the channel secret
// (X-Line-Signature, HMAC-SHA256 of the raw bytes); an unsigned or wrongly signed body is
// refused with 403 before anything is read or stored. Events are stored in order, then 200.
import { messagingApi, validateSignature } from '@line/bot-sdk';
import { errorFields, log } from '../../log';
import { fieldProblem } from '../../runtime/inbound';
import type { Services } from '../../services';
import { lineConfig, type LineConfig } from './config';
import { applyLineEvent } from './events';
import { claimProfileFetch, fillContactName } from './users';
import { LineWebhookBody, parseLineEvent, type LineEvent } from './webhook';

export const LINE_WEBHOOK_PATH = '/api/channels/line';

export interface LineWebhookOptions {
  /** Defaults to the environment (LINE_CHANNEL_SECRET, …). */
  config?: LineConfig;
  clock?: () => Date;
}

type LineServices = Pick<Services, 'db' | 'runtime'>;

export async function handleLineWebhook(request: Request, services: LineServices, options: LineWebhookOptions = {}): Promise<Response> {
  if (request.method !== 'POST') return failure(405, 'method_not_allowed', 'LINE webhooks are POSTed.');
  const config = options.config ?? lineConfig();
  if (!config.channelSecret) return failure(503, 'not_configured', 'LINE is not configured here: set LINE_CHANNEL_SECRET.');
  const raw = Buffer.from(await request.arrayBuffer());
  const signature = request.headers.get('x-line-signature');
  if (!signature || !validateSignature(raw, config.channelSecret, signature)) {
    return failure(403, 'bad_signature', 'The X-Line-Signature header does not match the body and channel secret.');
  }
  const parsed = parseBody(raw);
  if (!parsed.ok) return failure(400, 'invalid', parsed.message, parsed.field);
  const context = { db: services.db, runtime: services.runtime, destination: parsed.body.destination, now: (options.clock ?? (() => new Date()))() };
  const users = new Set<string>();
  for (const event of parsed.events) {
    const userId = await applyLineEvent(context, event);
    if (userId && event.type !== 'unfollow') users.add(userId);
  }
  // After the answer's content is settled, so LINE is not kept waiting on the profile API.
  if (config.accessToken) for (const userId of users) void fetchDisplayName(services, config, userId);
  return Response.json({});
}

type Parsed = { ok: true; body: LineWebhookBody; events: LineEvent[] } | { ok: false; message: string; field?: string };

/** The body and its events, all checked before any is stored: a bad one refuses the whole call. */
function parseBody(raw: Buffer): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, message: 'The body is not valid JSON.' };
  }
  const body = LineWebhookBody.safeParse(json);
  if (!body.success) return { ok: false, ...fieldProblem(body.error) };
  const events: LineEvent[] = [];
  for (const [index, raw] of body.data.events.entries()) {
    const event = parseLineEvent(raw);
    if (!event) continue;
    if (!event.success) return { ok: false, ...fieldProblem(event.error, `events.${index}`) };
    events.push(event.data);
  }
  return { ok: true, body: body.data, events };
}

/** Best effort, once per user: the display name fills the contact's name when it has none. */
async function fetchDisplayName(services: LineServices, config: LineConfig, userId: string): Promise<void> {
  try {
    if (!config.accessToken || !(await claimProfileFetch(services.db, userId))) return;
    const client = new messagingApi.MessagingApiClient({ channelAccessToken: config.accessToken, baseURL: config.baseURL });
    const profile = await client.getProfile(userId);
    if (profile.displayName) await fillContactName(services.db, userId, profile.displayName.slice(0, 200));
  } catch (error) {
    log.warn({ channel: 'line', ...errorFields(error) }, 'the LINE profile could not be read');
  }
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
