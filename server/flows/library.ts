// The published flows a draft's subflow nodes call, loaded as far down as the calls go, so the
// validator can check ids, waits and recursion without reading every flow.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { analyzeFlow, flowLibrary, type FlowLibrary } from '@/flows';
import { calledFlows } from '@/flows/validate/library';
import type { Database } from '../db/client';
import { flowVersions, flows } from '../db/schema';

/** The draft (or any document) with the published flows it calls, directly or not. */
export async function publishedLibrary(db: Database, root: unknown): Promise<FlowLibrary> {
  const rootId = analyzeFlow(root).model?.doc.id;
  const docs = new Map<string, unknown>(rootId === undefined ? [] : [[rootId, root]]);
  let pending = callsOf(root).filter((id) => !docs.has(id));
  while (pending.length > 0) {
    const found = await latestContents(db, pending);
    for (const id of pending) docs.set(id, found.get(id));
    pending = [...found.values()].flatMap(callsOf).filter((id) => !docs.has(id));
  }
  return flowLibrary([...docs.values()].filter((doc) => doc !== undefined));
}

function callsOf(doc: unknown): string[] {
  const { model } = analyzeFlow(doc);
  return model ? [...new Set(calledFlows(model).map((call) => call.flow))] : [];
}

/** The content of each flow's newest published version. */
async function latestContents(db: Database, ids: string[]): Promise<Map<string, unknown>> {
  const rows = await db
    .select({ id: flowVersions.flowId, content: flowVersions.content })
    .from(flowVersions)
    .innerJoin(flows, and(eq(flows.id, flowVersions.flowId), eq(flows.latestVersion, flowVersions.number)))
    .where(inArray(flowVersions.flowId, ids))
    .orderBy(desc(flowVersions.number));
  return new Map(rows.map((row) => [row.id, row.content]));
}
