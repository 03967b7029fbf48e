// What the desktop reads from the flow version a conversation runs: each node's type (to label
// the journey's path) and which variables hold intents and survey scores.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { flows, flowVersions } from '../db/schema';

export interface FlowFacts {
  name: string;
  nodeTypes: Map<string, string>;
  /** Variables an `intent` node writes its intent id into. */
  intentVariables: Set<string>;
  /** Variables a `survey` node writes its score into, with the survey's kind. */
  surveyVariables: Map<string, 'csat' | 'nps' | 'text'>;
}

const StoredNodes = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      data: z.object({ variable: z.string().optional(), kind: z.string().optional() }).loose().catch({}),
    }),
  ),
});

const SurveyKind = z.enum(['csat', 'nps', 'text']);

/** Facts of one published version; an unreadable document gives empty facts, not an error. */
export async function flowFacts(db: Database, flowId: string, version: number): Promise<FlowFacts> {
  const [row] = await db
    .select({ content: flowVersions.content, name: flows.name })
    .from(flowVersions)
    .innerJoin(flows, eq(flows.id, flowVersions.flowId))
    .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.number, version)));
  const facts: FlowFacts = { name: row?.name ?? flowId, nodeTypes: new Map(), intentVariables: new Set(), surveyVariables: new Map() };
  const parsed = StoredNodes.safeParse(row?.content);
  if (!parsed.success) return facts;
  for (const node of parsed.data.nodes) {
    facts.nodeTypes.set(node.id, node.type);
    const variable = node.data.variable;
    if (!variable) continue;
    if (node.type === 'intent') facts.intentVariables.add(variable);
    const kind = SurveyKind.safeParse(node.data.kind);
    if (node.type === 'survey' && kind.success) facts.surveyVariables.set(variable, kind.data);
  }
  return facts;
}
