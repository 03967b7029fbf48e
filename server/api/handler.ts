// The HTTP entry for the API: /api/trpc/* (tRPC), /api/auth/* (better-auth), /api/v1/* (REST)
// /api/webchat/* (the public web-chat endpoints), /api/agent/* (the desktop's stream) and /api/channels/* (Twilio, LINE and
// email webhooks). Next's route handlers call this; tests
// serve it from a plain Node server.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { ROLES } from '../db/schema';
import { EMAIL_PREFIX, handleEmailWebhook } from '../channels/email/handler';
import { handleLineWebhook, LINE_WEBHOOK_PATH } from '../channels/line/handler';
import type { Services } from '../services';
import { AGENT_STREAM_PATH, handleAgentStream } from '../desk/agentStreamHandler';
import { handleTwilio, TWILIO_PREFIX, type TwilioOptions } from '../channels/twilio/handler';
import { handleWebchat, WEBCHAT_PREFIX, type WebchatOptions } from '../webchat/handler';
import { handleRestV1, REST_PREFIX } from './restV1';
import { appRouter } from './root';
import type { Context, SessionUser } from './trpc';

export const TRPC_ENDPOINT = '/api/trpc';
export const AUTH_PREFIX = '/api/auth';
export const HEALTH_PATH = '/api/health';

export interface ApiHandlerOptions {
  /** The web-chat widget's texts (the UI catalog is in app/, which server code may not import). */
  webchat?: WebchatOptions;
  /** The Twilio webhooks' settings (default: the TWILIO_* environment variables). */
  twilio?: TwilioOptions;
}

export function createApiHandler(services: Services | (() => Promise<Services>), options: ApiHandlerOptions = {}) {
  const resolve = typeof services === 'function' ? services : () => Promise.resolve(services);
  return async function handle(request: Request): Promise<Response> {
    const ready = await resolve();
    const path = new URL(request.url).pathname;
    if (path.startsWith(`${AUTH_PREFIX}/`)) return ready.auth.handler(request);
    if (path === HEALTH_PATH) {
      const health = await ready.runtime.health();
      return Response.json(health, { status: health.db.up && health.queue.up ? 200 : 503 });
    }
    if (path.startsWith(`${REST_PREFIX}/`)) return handleRestV1(request, ready, ready.runtime);
    if (path.startsWith(`${WEBCHAT_PREFIX}/`)) return handleWebchat(request, ready, options.webchat);
    if (path === LINE_WEBHOOK_PATH) return handleLineWebhook(request, ready);
    if (path.startsWith(`${EMAIL_PREFIX}/`)) return handleEmailWebhook(request, ready);
    if (path === AGENT_STREAM_PATH) return handleAgentStream(request, ready);
    if (path.startsWith(`${TWILIO_PREFIX}/`)) return handleTwilio(request, ready, options.twilio);
    if (path.startsWith(`${TRPC_ENDPOINT}/`)) {
      return fetchRequestHandler({
        endpoint: TRPC_ENDPOINT,
        req: request,
        router: appRouter,
        createContext: ({ resHeaders }) => createContext(ready, request.headers, resHeaders),
      });
    }
    return Response.json({ error: { code: 'not_found', message: `Nothing at ${path}.` } }, { status: 404 });
  };
}

export async function createContext(services: Services, headers: Headers, resHeaders: Headers): Promise<Context> {
  return { services, user: await sessionUser(services, headers), headers, resHeaders };
}

async function sessionUser(services: Services, headers: Headers): Promise<SessionUser | null> {
  const session = await services.auth.api.getSession({ headers });
  if (!session) return null;
  const role = ROLES.find((r) => r === session.user.role) ?? 'viewer';
  return { id: session.user.id, email: session.user.email, name: session.user.name, role };
}
