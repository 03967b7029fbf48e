// The parts of a LINE webhook body we use, checked with zod; other event types and fields
// pass through unread (LINE adds new ones over time).
import { z } from 'zod';

const Source = z.looseObject({ type: z.string(), userId: z.string().min(1).max(100).optional() });

const Common = {
  timestamp: z.number(),
  source: Source.optional(),
  webhookEventId: z.string().min(1).max(100),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  replyToken: z.string().min(1).max(200).optional(),
};

export const LineMessageEvent = z.looseObject({
  ...Common,
  type: z.literal('message'),
  message: z.looseObject({ type: z.string(), id: z.string().optional(), text: z.string().max(10_000).optional() }),
});
export const LinePostbackEvent = z.looseObject({ ...Common, type: z.literal('postback'), postback: z.looseObject({ data: z.string().max(1_000) }) });
export const LineFollowEvent = z.looseObject({ ...Common, type: z.literal('follow') });
export const LineUnfollowEvent = z.looseObject({ ...Common, type: z.literal('unfollow') });

export type LineEvent = z.infer<typeof LineMessageEvent> | z.infer<typeof LinePostbackEvent> | z.infer<typeof LineFollowEvent> | z.infer<typeof LineUnfollowEvent>;

export const LineWebhookBody = z.looseObject({
  /** The bot's user id: bindings may name it as the address. */
  destination: z.string().min(1).max(100),
  events: z.array(z.looseObject({ type: z.string() })).max(100),
});
export type LineWebhookBody = z.infer<typeof LineWebhookBody>;

/**
 * The event checked against its type's schema; undefined for types we do not act on (join,
 * beacon, …), which are acknowledged and left alone.
 */
export function parseLineEvent(raw: { type: string }): z.ZodSafeParseResult<LineEvent> | undefined {
  switch (raw.type) {
    case 'message':
      return LineMessageEvent.safeParse(raw);
    case 'postback':
      return LinePostbackEvent.safeParse(raw);
    case 'follow':
      return LineFollowEvent.safeParse(raw);
    case 'unfollow':
      return LineUnfollowEvent.safeParse(raw);
    default:
      return undefined;
  }
}
