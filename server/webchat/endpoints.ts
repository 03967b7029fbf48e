// The web-chat endpoints, each given a request whose key names a `webchat` binding. Messages go
// through the runtime's ingest like any channel's: channel `webchat`, from the visitor id, to
// the binding key; the visitor's open conversation gets them, or a new one on the bound flow.
import type { Database } from '../db/client';
import type { Runtime } from '../runtime/runtime';
import { conversationStream, resumeAfter, SSE_HEADERS } from '../runtime/stream';
import { visitorHistory } from './history';
import { ConfigQuery, EndBody, MessageBody, OPEN_PAYLOAD, StartBody, VisitorQuery, type WidgetLocale } from './requests';
import { CORS_HEADERS, failure, invalid, json, readJson } from './responses';
import { conversationCount, latestConversation, visitorContact } from './visitors';

/** The widget's texts by locale: the UI's catalog lives in app/, which server code may not import. */
export type WidgetStrings = (locale: WidgetLocale) => Record<string, string>;

export interface WebchatRequest {
  request: Request;
  url: URL;
  /** A key a `webchat` binding has as its address. */
  key: string;
  db: Database;
  runtime: Runtime;
  strings: WidgetStrings | undefined;
  /** Checks continue links (`POST …/continue`). */
  linkSecret: string;
}

/** `GET …/config?locale=` → `{ key, locale, strings }`: the widget's texts in the visitor's language. */
export async function getConfig({ url, key, strings }: WebchatRequest): Promise<Response> {
  const query = ConfigQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return invalid(query.error);
  if (!strings) return failure(404, 'not_found', 'This server does not serve the web chat widget’s texts.');
  return json({ key, locale: query.data.locale, strings: strings(query.data.locale) });
}

/**
 * `POST …/start` `{ visitorId }`: opens a conversation so the bot speaks first. With one open
 * already it answers that one (200, `started: false`); otherwise 202, `started: true`. The
 * opening event's id is derived from the visitor's conversation count, so two tabs opening at
 * once start one conversation.
 */
export async function postStart({ request, key, db, runtime }: WebchatRequest): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = StartBody.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  const { visitorId, locale } = parsed.data;
  const contactId = await visitorContact(db, visitorId);
  const latest = contactId ? await latestConversation(db, contactId) : undefined;
  if (latest && latest.status !== 'ended') return json({ conversationId: latest.id, started: false });
  const number = (contactId ? await conversationCount(db, contactId) : 0) + 1;
  const ingested = await runtime.ingest({
    channel: 'webchat',
    from: visitorId,
    to: key,
    payload: OPEN_PAYLOAD,
    messageId: scopedId(key, visitorId, `open/${number}`),
    ...(locale ? { contact: { locale } } : {}),
  });
  return json({ conversationId: ingested.conversationId, started: true }, 202);
}

/**
 * `POST …/messages` `{ visitorId, messageId, text?, payload? }` → 202 `{ conversationId, messageId }`
 * once stored. The same `messageId` sent again (a retry after a lost answer) is applied once.
 */
export async function postMessage({ request, key, runtime }: WebchatRequest): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = MessageBody.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  const { visitorId, messageId, text, payload, locale } = parsed.data;
  const ingested = await runtime.ingest({
    channel: 'webchat',
    from: visitorId,
    to: key,
    ...(text !== undefined ? { text } : {}),
    ...(payload !== undefined ? { payload } : {}),
    messageId: scopedId(key, visitorId, `m/${messageId}`),
    ...(locale ? { contact: { locale } } : {}),
  });
  return json({ conversationId: ingested.conversationId, messageId }, 202);
}

/**
 * `POST …/end` `{ visitorId }` → 202 `{ conversationId }`: the visitor left ("End chat"). The
 * open conversation gets a hangup, as a caller hanging up: a handoff closes as abandoned and
 * leaves the queue. Pressing it twice ends once (the hangup's id names the conversation); with
 * nothing open, 409.
 */
export async function postEnd({ request, key, db, runtime }: WebchatRequest): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  const parsed = EndBody.safeParse(read.body);
  if (!parsed.success) return invalid(parsed.error);
  const { visitorId } = parsed.data;
  const contactId = await visitorContact(db, visitorId);
  const latest = contactId ? await latestConversation(db, contactId) : undefined;
  if (!latest || latest.status === 'ended') return failure(409, 'precondition', 'This visitor has no open chat to end.');
  const ingested = await runtime.ingest({ channel: 'webchat', from: visitorId, to: key, hangup: true, messageId: scopedId(key, visitorId, `end/${latest.id}`) });
  return json({ conversationId: ingested.conversationId }, 202);
}

/** `GET …/history?visitor=` → `{ conversation, messages }` (see history.ts). */
export async function getHistory({ url, db }: WebchatRequest): Promise<Response> {
  const query = VisitorQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return invalid(query.error);
  return json(await visitorHistory(db, query.data.visitor));
}

/**
 * `GET …/stream?visitor=[&after=]`: server-sent events of the visitor's latest conversation
 * (`message`, `state`, `ended`, as the REST stream). Positions are global, so a client that
 * resumes with Last-Event-ID after its conversation ended and a new one began gets the new
 * one's messages from where it left off.
 */
export async function getStream({ request, url, db, runtime }: WebchatRequest): Promise<Response> {
  const query = VisitorQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return invalid(query.error);
  const contactId = await visitorContact(db, query.data.visitor);
  const latest = contactId ? await latestConversation(db, contactId) : undefined;
  if (!latest) return failure(404, 'no_conversation', 'This visitor has no conversation yet: send a message or start one first.');
  const body = await conversationStream(db, runtime.notifier, latest.id, { after: resumeAfter(request), signal: request.signal });
  return new Response(body, { headers: { ...SSE_HEADERS, ...CORS_HEADERS } });
}

/**
 * The channel message id the runtime deduplicates on. Its namespace is the whole channel, so
 * a widget's own id is prefixed with the key and visitor: one visitor cannot collide with (or
 * learn the conversation of) another by reusing their ids.
 */
function scopedId(key: string, visitorId: string, id: string): string {
  return `${key}/${visitorId}/${id}`;
}
