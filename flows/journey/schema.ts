import { z } from 'zod';
import { Channel } from '../schema/common';
import { Contact } from '../engine/context';
import { Mocks } from '../simulate/mocks';

export const JOURNEY_FORMAT = 'switchboard/journey@1';

// Free-text fields people put on steps; everything else is checked strictly so a typo in an
// expectation fails loudly instead of passing silently.
const Notes = { note: z.string().optional(), comment: z.string().optional(), description: z.string().optional(), name: z.string().optional() };

const CustomerAction = z
  .object({
    text: z.string().optional(),
    digits: z.string().regex(/^[0-9*#]+$/, 'digits are 0-9, * and #').optional(),
    channel: Channel.optional(),
    payload: z.string().optional(),
    hangup: z.boolean().optional(),
  })
  .strict();

const AgentAction = z
  .object({
    accept: z.boolean().optional(),
    reply: z.string().min(1).optional(),
    transfer: z.string().min(1).optional(),
    resolve: z.boolean().optional(),
    agent: z.string().optional(),
  })
  .strict();

const SentMatcher = z
  .object({
    channel: Channel.optional(),
    text: z.string().optional(),
    equals: z.string().optional(),
    author: z.enum(['bot', 'agent']).optional(),
  })
  .strict();
export type SentMatcher = z.infer<typeof SentMatcher>;

export const Expectation = z
  .object({
    at: z.string().optional(),
    sent: z.array(SentMatcher).optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    handoff: z
      .object({ queue: z.string().optional(), skills: z.array(z.string()).optional(), status: z.enum(['queued', 'accepted']).optional() })
      .strict()
      .optional(),
    ended: z.boolean().optional(),
    outcome: z.string().optional(),
    path: z.array(z.string()).optional(),
    channel: Channel.optional(),
  })
  .strict();
export type Expectation = z.infer<typeof Expectation>;

export const JourneyStep = z
  .object({
    ...Notes,
    customer: CustomerAction.optional(),
    wait: z.string().optional(),
    agent: AgentAction.optional(),
    expect: Expectation.optional(),
  })
  .strict()
  .refine((step) => [step.customer, step.wait, step.agent].filter((action) => action !== undefined).length <= 1, {
    message: 'a step does at most one thing: customer, wait or agent',
  });
export type JourneyStep = z.infer<typeof JourneyStep>;

export const Journey = z.object({
  format: z.literal(JOURNEY_FORMAT),
  name: z.string().min(1),
  flow: z.string().min(1),
  contact: Contact.optional(),
  channel: Channel.optional(),
  // ISO 8601 with or without an offset; without one it is read as UTC so runs never depend on the machine's zone.
  now: z.iso.datetime({ offset: true, local: true }).transform((text) => (/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`)).optional(),
  mocks: Mocks.optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  steps: z.array(JourneyStep).min(1),
});
export type Journey = z.infer<typeof Journey>;
