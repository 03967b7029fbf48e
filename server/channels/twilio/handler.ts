// `/api/channels/twilio/…`: the webhooks Twilio calls. Every request must carry Twilio's
// signature over the public URL and the form (else 403, nothing read further or stored); the
// parameters we use are checked (400 naming the field); voice answers are TwiML.
//
//   POST voice               a new call (the number's "A call comes in" webhook)
//   POST voice/gather?step=  a Gather's action: keys, speech or silence
//   POST voice/resume?step=  a Redirect, or an Enqueue's/Dial's action
//   POST voice/status        the call's status callback (hang-up)
//   POST sms                 an inbound SMS ("A message comes in")
//   POST sms/status          delivery reports of the SMS we sent
import type { z } from 'zod';
import { httpStatus } from '../../api/errors';
import { UserError } from '../../errors';
import { errorFields, log } from '../../log';
import { fieldProblem } from '../../runtime/inbound';
import type { Services } from '../../services';
import { publicUrl, TWILIO_PREFIX, twilioConfig, type TwilioConfig } from './config';
import { readForm } from './form';
import { CallParams, CallStatusParams, GatherParams, SmsParams, SmsStatusParams, StepQuery } from './params';
import { SIGNATURE_HEADER, isSignedByTwilio } from './signature';
import { receiveSms, smsStatusChanged } from './sms';
import { renderTwiml } from './twiml';
import { answerCall, answerGather, answerResume, type VoiceContext } from './voiceCall';
import { callStatusChanged } from './voiceStatus';

export { TWILIO_PREFIX };

export interface TwilioOptions {
  /** Settings; default: the TWILIO_* environment variables. */
  config?: TwilioConfig;
  /** How long a voice answer waits for the journey (default 8 s; Twilio waits 15 s for us). */
  settleMs?: number;
}

interface TwilioRequest {
  services: Pick<Services, 'db' | 'runtime'>;
  config: TwilioConfig;
  /** The URL as Twilio called it (public origin): action URLs are built on it. */
  url: URL;
  params: Record<string, string>;
  settleMs: number;
}

type Route = (request: TwilioRequest) => Promise<Response>;

const ROUTES: Record<string, Route> = {
  voice: async (r) => {
    const params = parse(CallParams, r.params);
    return params.ok ? voiceAnswer(() => answerCall(voiceContext(r), params.data)) : params.response;
  },
  'voice/gather': async (r) => {
    const step = parse(StepQuery, Object.fromEntries(r.url.searchParams));
    const params = parse(GatherParams, r.params);
    if (!step.ok) return step.response;
    return params.ok ? voiceAnswer(() => answerGather(voiceContext(r), params.data, step.data.step)) : params.response;
  },
  'voice/resume': async (r) => {
    const step = parse(StepQuery, Object.fromEntries(r.url.searchParams));
    const params = parse(CallParams, r.params);
    if (!step.ok) return step.response;
    return params.ok ? voiceAnswer(() => answerResume(voiceContext(r), params.data, step.data.step)) : params.response;
  },
  'voice/status': async (r) => {
    const params = parse(CallStatusParams, r.params);
    if (!params.ok) return params.response;
    await callStatusChanged(r.services.db, r.services.runtime, params.data);
    return emptyTwiml();
  },
  sms: async (r) => {
    const params = parse(SmsParams, r.params);
    if (!params.ok) return params.response;
    await receiveSms(r.services.db, r.services.runtime, params.data);
    return emptyTwiml();
  },
  'sms/status': async (r) => {
    const params = parse(SmsStatusParams, r.params);
    if (!params.ok) return params.response;
    const conversationId = await smsStatusChanged(r.services.db, params.data);
    if (conversationId) r.services.runtime.notifier.publish(conversationId);
    return emptyTwiml();
  },
};

export async function handleTwilio(request: Request, services: Pick<Services, 'db' | 'runtime'>, options: TwilioOptions = {}): Promise<Response> {
  const url = new URL(request.url);
  const route = ROUTES[url.pathname.slice(TWILIO_PREFIX.length + 1)];
  if (!route) return failure(404, 'not_found', `No ${request.method} ${url.pathname}.`);
  if (request.method !== 'POST') return failure(405, 'method_not_allowed', 'Twilio webhooks are POSTed.');
  const config = options.config ?? twilioConfig();
  const form = await readForm(request);
  if (!form.ok) return failure(form.status, 'invalid_body', form.message);
  const calledUrl = publicUrl(config, request);
  if (!isSignedByTwilio(config, calledUrl, request.headers.get(SIGNATURE_HEADER), form.params)) {
    log.warn({ path: url.pathname }, 'Twilio webhook refused: missing or wrong signature');
    return failure(403, 'forbidden', config.authToken ? 'The X-Twilio-Signature does not match.' : 'TWILIO_AUTH_TOKEN is not set: Twilio webhooks are refused.');
  }
  try {
    return await route({ services, config, url: new URL(calledUrl), params: form.params, settleMs: options.settleMs ?? 8_000 });
  } catch (error) {
    if (error instanceof UserError) return failure(httpStatus(error), error.reason.replace('-', '_'), error.message, error.details.issues?.[0]?.path);
    log.error({ path: url.pathname, ...errorFields(error) }, 'Twilio webhook failed');
    return failure(500, 'internal', 'Something went wrong on the server.');
  }
}

function voiceContext(r: TwilioRequest): VoiceContext {
  return { db: r.services.db, runtime: r.services.runtime, config: r.config, requestUrl: r.url.toString(), settleMs: r.settleMs };
}

/**
 * A caller always hears an answer: a journey that cannot start (no flow bound to the number)
 * hangs up politely instead of Twilio's "application error" message.
 */
async function voiceAnswer(answer: () => Promise<string>): Promise<Response> {
  try {
    return twiml(await answer());
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    log.warn({ reason: error.message }, 'a call could not be answered');
    return twiml(renderTwiml([], undefined, { kind: 'hangup' }));
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown): { ok: true; data: z.infer<T> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const { field, message } = fieldProblem(parsed.error);
  return { ok: false, response: failure(400, 'invalid_field', message, field) };
}

function twiml(body: string): Response {
  return new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' } });
}

function emptyTwiml(): Response {
  return twiml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
