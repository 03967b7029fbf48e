// What the web-chat widget may send. The widget runs on other people's sites and anyone can
// call these endpoints, so every part of a request is checked before anything is read or
// stored, and a 400 names the field that is wrong.
import { z } from 'zod';

/** Url-safe, so a key or id travels in a path or query string without escaping. */
const urlSafe = (min: number, max: number, what: string) =>
  z
    .string()
    .min(min, `${what} must be ${min}–${max} characters`)
    .max(max, `${what} must be ${min}–${max} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} may use only letters, digits, "-" and "_"`);

/** The `address` of a `webchat` channel binding, as the embed snippet's `data-key` names it. */
export const BindingKey = urlSafe(1, 64, 'the key');

/**
 * The visitor's identity on the web-chat channel: a random id the widget makes once and keeps
 * in the browser. Whoever holds it reads that visitor's chat, so it must be long enough not to
 * be guessed.
 */
export const VisitorId = urlSafe(16, 64, 'the visitor id');

/** The widget's id for one message: the same id sent again is stored and applied once. */
export const ClientMessageId = urlSafe(8, 64, 'the message id');

export const WIDGET_LOCALES = ['en', 'th'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

/** `POST …/messages`: typed text, a tapped quick reply (its id, and its label as text), or both. */
export const MessageBody = z
  .object({
    visitorId: VisitorId,
    messageId: ClientMessageId,
    text: z.string().trim().min(1, 'write a message').max(2_000, 'at most 2,000 characters').optional(),
    payload: z.string().trim().min(1).max(200).optional(),
    /** The widget's language: a new contact gets it, so flows answer in it. */
    locale: z.enum(WIDGET_LOCALES, 'use "en" or "th"').optional(),
  })
  .strict()
  .refine((body) => body.text !== undefined || body.payload !== undefined, { message: 'send text or a payload', path: ['text'] });
export type MessageBody = z.infer<typeof MessageBody>;

/** `POST …/start`: opens a conversation so the bot greets before the visitor writes. */
export const StartBody = z.object({ visitorId: VisitorId, locale: z.enum(WIDGET_LOCALES, 'use "en" or "th"').optional() }).strict();

/** `POST …/end`: the visitor pressed "End chat"; their open conversation gets a hangup. */
export const EndBody = z.object({ visitorId: VisitorId }).strict();

/** `?visitor=` of `GET …/history` and `GET …/stream` (EventSource cannot send a body or headers). */
export const VisitorQuery = z.object({ visitor: VisitorId });

export const ConfigQuery = z.object({ locale: z.enum(WIDGET_LOCALES, 'use "en" or "th"').default('en') });

/**
 * The payload of the event that opens a conversation from the widget, before the visitor has
 * written anything. Flows see it as `input.payload`; it is not a quick-reply id of any flow.
 */
export const OPEN_PAYLOAD = 'webchat:open';
