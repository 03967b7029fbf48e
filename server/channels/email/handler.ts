// `POST /api/channels/email/inbound`: an inbound-parse webhook (SendGrid-style multipart form,
// or JSON) with the fields from, to, subject, text, html and headers (the raw header block,
// which carries Message-ID, In-Reply-To and References). The shared secret EMAIL_INBOUND_SECRET
// comes as `Authorization: Bearer …` or `?secret=`; without it nothing is read or stored.
import { timingSafeEqual } from 'node:crypto';
import { simpleParser } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from 'zod';
import { httpStatus } from '../../api/errors';
import { UserError } from '../../errors';
import { fieldProblem } from '../../runtime/inbound';
import type { Services } from '../../services';
import { emailConfig, type EmailConfig } from './config';
import { receiveMail } from './inbound';
import { inboundMailOf } from './parsed';

export const EMAIL_PREFIX = '/api/channels/email';

const ParseFields = z.object({
  from: z.string().trim().min(3).max(1_000),
  to: z.string().max(5_000).default(''),
  subject: z.string().max(2_000).optional(),
  text: z.string().max(1_000_000).optional(),
  html: z.string().max(2_000_000).optional(),
  headers: z.string().max(200_000).default(''),
});

export async function handleEmailWebhook(request: Request, services: Pick<Services, 'db' | 'runtime'>, config: EmailConfig = emailConfig()): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname !== `${EMAIL_PREFIX}/inbound`) return failure(404, 'not_found', `Nothing at ${url.pathname}.`);
  if (request.method !== 'POST') return failure(405, 'method_not_allowed', 'Inbound mail is POSTed.');
  if (!config.inboundSecret) return failure(503, 'not_configured', 'The inbound-parse webhook is off: set EMAIL_INBOUND_SECRET.');
  if (!authorized(request, url, config.inboundSecret)) return failure(401, 'unauthorized', 'Send the shared secret: Authorization: Bearer <EMAIL_INBOUND_SECRET> or ?secret=.');
  const fields = ParseFields.safeParse(await readFields(request));
  if (!fields.success) return failure(400, 'invalid', ...problem(fields.error));
  const { from, to, subject, text, html, headers } = fields.data;
  // The header block parsed as a mail without a body: mailparser reads the ids and addresses.
  const parsed = inboundMailOf(await simpleParser(`${headers.trim()}\r\n\r\n`));
  const sender = addressparser(from, { flatten: true })[0];
  const recipients = addressparser(to, { flatten: true }).map((address) => address.address.toLowerCase());
  const mail = { ...parsed, from: sender?.address ?? from, fromName: sender?.name || parsed.fromName, to: [...new Set([...recipients, ...parsed.to])], subject: subject ?? parsed.subject, text, html };
  try {
    const ingested = await receiveMail(services, mail, config.domains);
    return Response.json(ingested ? { conversationId: ingested.conversationId, eventId: ingested.eventId } : { ignored: 'automatic reply' }, { status: ingested ? 202 : 200 });
  } catch (error) {
    if (error instanceof UserError) return failure(httpStatus(error), error.reason.replace('-', '_'), error.message, error.details.issues?.[0]?.path);
    throw error;
  }
}

function authorized(request: Request, url: URL, secret: string): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const given = bearer ?? url.searchParams.get('secret') ?? '';
  const [a, b] = [Buffer.from(given), Buffer.from(secret)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Form fields (multipart or urlencoded) or a JSON object; anything else reads as no fields. */
async function readFields(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.includes('application/json')) return await request.json();
    const form = await request.formData();
    return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

function problem(error: z.ZodError): [string, string] {
  const { field, message } = fieldProblem(error);
  return [message, field];
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return Response.json({ error: { code, message, ...(field ? { field } : {}) } }, { status });
}
