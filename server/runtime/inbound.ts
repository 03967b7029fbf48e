// The ingest API's request body (DESIGN.md "HTTP API"), checked field by field so a 400 can
// name the field that is wrong.
import { z } from 'zod';
import { CHANNELS } from '../db/schema';

export const InboundEvent = z
  .object({
    channel: z.enum(CHANNELS),
    /** The sender's address on the channel: phone number, email, LINE user id, visitor id. */
    from: z.string().trim().min(1).max(320),
    /** Our address it was sent to (a number, an inbox), when bindings differ by address. */
    to: z.string().trim().min(1).max(320).optional(),
    text: z.string().max(10_000).optional(),
    digits: z.string().regex(/^[0-9*#]+$/, 'use the digits 0-9, * and #').max(64).optional(),
    payload: z.string().max(1_000).optional(),
    /** The customer left: hung up, closed the chat. Ends waiting the journey's way, stores no message. */
    hangup: z.literal(true).optional(),
    /** The channel's message id: a message delivered again with the same id is applied once. */
    messageId: z.string().trim().min(1).max(200).optional(),
    contact: z
      .object({
        name: z.string().trim().min(1).max(200).optional(),
        email: z.email().max(320).optional(),
        phone: z.string().trim().min(3).max(40).optional(),
        /** The language the contact reads (`th`, `en-GB`): flows answer in it where they can. */
        locale: z
          .string()
          .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a language tag such as th or en-GB')
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((event) => event.text !== undefined || event.digits !== undefined || event.payload !== undefined || event.hangup === true, {
    message: 'send text, digits, payload or hangup',
    path: ['text'],
  });
export type InboundEvent = z.infer<typeof InboundEvent>;

/** The first problem as `{ field, message }` for the API's error body. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  if (!issue) return { field, message: 'invalid request' };
  if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), message: 'unknown field' };
  return { field, message: issue.message };
}

/** The first problem as the API's 400 says it: the field (under `prefix`) and `field: reason`. */
export function fieldProblem(error: z.ZodError, prefix = ''): { field: string; message: string } {
  const { field, message } = firstIssue(error);
  const path = prefix && field ? `${prefix}.${field}` : field || prefix;
  return { field: path, message: `${path}: ${message}` };
}
