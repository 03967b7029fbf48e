// The webhook parameters we read, checked at the boundary. Twilio sends many more (caller's
// city, API version…); they are signed with the rest but otherwise ignored.
import { z } from 'zod';

const Sid = (prefix: string) => z.string().trim().regex(new RegExp(`^${prefix}[0-9A-Za-z]{1,64}$`), `a Twilio ${prefix}… id`);
const Address = z.string().trim().min(1, 'required').max(320);

/** Every voice webhook of a call (the first one, a Gather's action, a Redirect). */
export const CallParams = z.object({ CallSid: Sid('CA'), From: Address, To: Address });
export type CallParams = z.infer<typeof CallParams>;

/** A Gather's action: keys pressed (`Digits`) or words said (`SpeechResult`); neither on silence. */
export const GatherParams = CallParams.extend({
  Digits: z.string().regex(/^[0-9*#]*$/, 'keypad digits, * or #').max(64).optional(),
  SpeechResult: z.string().max(10_000).optional(),
});
export type GatherParams = z.infer<typeof GatherParams>;

/** `?step=` of our own action and redirect URLs: the answer's number in the call. */
export const StepQuery = z.object({ step: z.coerce.number().int().min(1).max(100_000) });

/** Final statuses: the caller is gone. `ringing`, `in-progress` and the like say nothing yet. */
export const CALL_OVER = ['completed', 'busy', 'no-answer', 'failed', 'canceled'] as const;
export const CallStatusParams = CallParams.extend({ CallStatus: z.string().trim().min(1) });

export const SmsParams = z.object({ MessageSid: Sid('(?:SM|MM)'), From: Address, To: Address, Body: z.string().max(10_000).default('') });
export type SmsParams = z.infer<typeof SmsParams>;

export const SmsStatusParams = z.object({
  MessageSid: Sid('(?:SM|MM)'),
  MessageStatus: z.string().trim().min(1).max(40),
  ErrorCode: z.string().trim().max(20).optional(),
});
export type SmsStatusParams = z.infer<typeof SmsStatusParams>;
