// The published flows a draft's subflow nodes call, loaded as far down as the calls go, so the
// validator can check ids, waits and recursion without reading every flow.
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { analyzeFlow, flowLibrary, validateFlow, type Diagnostic, type FlowLibrary, type FlowModel } from '@/flows';
import { calledFlows } from '@/flows/validate/library';
import type { Database } from '../db/client';
import { flowVersions, flows } from '../db/schema';

/**
 * The draft (or any document) with the published flows it calls, directly or not: their newest
 * versions, or with `asOf` the versions that were newest then. A published version runs with
 * the subflows of its publishing time (`asOf` = its `publishedAt`), so publishing a subflow
 * later does not change conversations on it, in any process or after a restart.
 */
export async function publishedLibrary(db: Database, root: unknown, asOf?: Date): Promise<FlowLibrary> {
  // The root is read once here; the documents it reaches are read by callsOf.
  const { model } = analyzeFlow(root);
  const docs = new Map<string, unknown>(model ? [[model.doc.id, root]] : []);
  let pending = (model ? callIds(model) : []).filter((id) => !docs.has(id));
  while (pending.length > 0) {
    const found = asOf ? await contentsAsOf(db, pending, asOf) : await latestContents(db, pending);
    for (const id of pending) docs.set(id, found.get(id));
    pending = [...found.values()].flatMap(callsOf).filter((id) => !docs.has(id));
  }
  return flowLibrary([...docs.values()].filter((doc) => doc !== undefined));
}

/** What the validator says of a document, its subflows resolved among published flows. */
export async function validateAgainstPublished(db: Database, doc: unknown): Promise<Diagnostic[]> {
  return validateFlow(doc, { flows: await publishedLibrary(db, doc) });
}

/** The flow ids a document's subflow nodes call, each once. */
export function callsOf(doc: unknown): string[] {
  const { model } = analyzeFlow(doc);
  return model ? callIds(model) : [];
}

function callIds(model: FlowModel): string[] {
  return [...new Set(calledFlows(model).map((call) => call.flow))];
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

/** The content of each flow's newest version published by `asOf`. */
async function contentsAsOf(db: Database, ids: string[], asOf: Date): Promise<Map<string, unknown>> {
  const rows = await db
    .selectDistinctOn([flowVersions.flowId], { id: flowVersions.flowId, content: flowVersions.content })
    .from(flowVersions)
    .where(and(inArray(flowVersions.flowId, ids), lte(flowVersions.publishedAt, asOf)))
    .orderBy(flowVersions.flowId, desc(flowVersions.number));
  return new Map(rows.map((row) => [row.id, row.content]));
}
