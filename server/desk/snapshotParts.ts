// The parts of a stored journey snapshot the desktop shows (variables, the handoff as the
// journey sees it, the last intent), and what they say with the flow's facts: intents and
// survey scores. The engine's own types describe the rest of the snapshot.
import { z } from 'zod';
import type { FlowFacts } from './flowFacts';

export interface Insights {
  /** Intents the bot recognised (variables intent nodes wrote). */
  intents: { variable: string; value: string }[];
  /** The last intent classified, with its confidence. */
  lastIntent: { intent: string; confidence: number | null } | null;
  /** Survey answers (CSAT, NPS, free text) found in the variables. */
  surveys: { variable: string; kind: 'csat' | 'nps' | 'text'; value: unknown }[];
}

const StoredHandoff = z.object({
  queue: z.string(),
  skills: z.array(z.string()).catch([]),
  priority: z.number().catch(0),
  status: z.enum(['queued', 'accepted']),
  agent: z.string().optional(),
  summary: z.string().optional(),
});
export type StoredHandoff = z.infer<typeof StoredHandoff>;

const StoredParts = z.object({
  context: z.object({
    vars: z.record(z.string(), z.unknown()).catch({}),
    handoff: StoredHandoff.nullable().catch(null),
    input: z.object({ intent: z.string().optional(), confidence: z.number().optional() }).catch({}),
  }),
});
export type SnapshotParts = { vars: Record<string, unknown>; handoff: StoredHandoff | null; input: { intent?: string; confidence?: number } };

export function snapshotParts(snapshot: unknown): SnapshotParts {
  const parsed = StoredParts.safeParse(snapshot);
  return parsed.success ? parsed.data.context : { vars: {}, handoff: null, input: {} };
}

export function insights(parts: SnapshotParts, facts: FlowFacts): Insights {
  const intents = [...facts.intentVariables].flatMap((variable) => {
    const value = parts.vars[variable];
    return typeof value === 'string' && value !== '' ? [{ variable, value }] : [];
  });
  const surveys = [...facts.surveyVariables].flatMap(([variable, kind]) => (parts.vars[variable] === undefined || parts.vars[variable] === null ? [] : [{ variable, kind, value: parts.vars[variable] }]));
  const lastIntent = parts.input.intent ? { intent: parts.input.intent, confidence: parts.input.confidence ?? null } : null;
  return { intents, lastIntent, surveys };
}
