// `/api/webchat/<key>/<action>`: the public endpoints the embeddable widget (public/widget.js)
// calls. No API key and no cookies: the key names a `webchat` binding, the visitor id in the
// request is the visitor. Every answer carries CORS headers, errors included, so a widget on
// any site can read why it was refused.
import { httpStatus } from '../api/errors';
import { UserError } from '../errors';
import { errorFields, log } from '../log';
import type { Services } from '../services';
import { getConfig, getHistory, getStream, postEnd, postMessage, postStart, type WebchatRequest, type WidgetStrings } from './endpoints';
import { postContinue } from './continue';
import { BindingKey } from './requests';
import { CORS_HEADERS, failure, invalid } from './responses';
import { webchatBinding } from './visitors';

export const WEBCHAT_PREFIX = '/api/webchat';

export interface WebchatOptions {
  /** The widget's texts; without them `…/config` answers 404. */
  strings?: WidgetStrings;
}

const ROUTES: Record<string, (request: WebchatRequest) => Promise<Response>> = {
  'GET config': getConfig,
  'POST start': postStart,
  'POST messages': postMessage,
  'POST end': postEnd,
  'GET history': getHistory,
  'GET stream': getStream,
  'POST continue': (request) => postContinue({ ...request, now: new Date() }),
};

export async function handleWebchat(request: Request, services: Pick<Services, 'db' | 'runtime' | 'linkSecret'>, options: WebchatOptions = {}): Promise<Response> {
  if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS_HEADERS });
  const url = new URL(request.url);
  const [rawKey = '', action = '', ...rest] = url.pathname.slice(WEBCHAT_PREFIX.length + 1).split('/');
  const route = rest.length === 0 ? ROUTES[`${request.method} ${action}`] : undefined;
  if (!route) return failure(404, 'not_found', `No ${request.method} ${url.pathname}.`);
  const key = BindingKey.safeParse(safeDecode(rawKey));
  if (!key.success) return invalid(key.error, 'key');
  try {
    if (!(await webchatBinding(services.db, key.data))) {
      return failure(404, 'unknown_key', `No web chat answers the key "${key.data}". Bind a flow to it: switchboard binding set webchat ${key.data} <flow>.`);
    }
    return await route({ request, url, key: key.data, db: services.db, runtime: services.runtime, strings: options.strings, linkSecret: services.linkSecret });
  } catch (error) {
    if (error instanceof UserError) return failure(httpStatus(error), error.reason.replace('-', '_'), error.message, error.details.issues?.[0]?.path);
    // Answered here rather than by the framework so the widget, on another origin, can read it.
    log.error({ path: url.pathname, ...errorFields(error) }, 'web chat request failed');
    return failure(500, 'internal', 'Something went wrong on the server. Try again in a moment.');
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
