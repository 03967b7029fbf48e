// Flows and their drafts: listing, creating, renaming, copying, archiving and saving with
// optimistic concurrency (a save names the revision it started from).
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { FLOW_FORMAT, type FlowDocument } from '@/flows';
import type { Database } from '../db/client';
import { drafts, flowVersions, flows, type DraftRow, type FlowRow } from '../db/schema';
import { conflict, invalidInput, notFound, UserError } from '../errors';
import { readFlowDocument, readStoredFlow } from './document';
import { uniqueFlowId } from './flowIds';

export interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number;
  revision: number;
  nodeCount: number;
  updatedAt: Date;
  archivedAt: Date | null;
  /** When the draft was last saved; later than `publishedAt` means unpublished changes. */
  draftUpdatedAt: Date;
  /** When the latest version was published; null before the first publish. */
  publishedAt: Date | null;
}

/**
 * A flow and its draft as the API returns them. Dates are ISO strings already: the document
 * can be large, and converting here saves walking it again on the way out.
 */
export interface FlowWithDraft {
  flow: { id: string; name: string; latestVersion: number; createdBy: string | null; createdAt: string; updatedAt: string; archivedAt: string | null };
  draft: { content: FlowDocument; revision: number; updatedAt: string; updatedBy: string | null };
}

/** Flows by name; archived ones only when asked. */
export async function listFlows(db: Database, options: { includeArchived?: boolean } = {}): Promise<FlowSummary[]> {
  const rows = await db
    .select({
      id: flows.id,
      name: flows.name,
      latestVersion: flows.latestVersion,
      revision: drafts.revision,
      nodeCount: drafts.nodeCount,
      updatedAt: flows.updatedAt,
      archivedAt: flows.archivedAt,
      draftUpdatedAt: drafts.updatedAt,
      publishedAt: flowVersions.publishedAt,
    })
    .from(flows)
    .innerJoin(drafts, eq(drafts.flowId, flows.id))
    .leftJoin(flowVersions, and(eq(flowVersions.flowId, flows.id), eq(flowVersions.number, flows.latestVersion)))
    .where(options.includeArchived ? undefined : isNull(flows.archivedAt))
    .orderBy(asc(flows.name), asc(flows.id));
  return rows;
}

export async function getFlow(db: Database, id: string): Promise<FlowWithDraft> {
  const [row] = await db.select().from(flows).innerJoin(drafts, eq(drafts.flowId, flows.id)).where(eq(flows.id, id));
  if (!row) throw notFound(`There is no flow "${id}".`);
  return { flow: flowOf(row.flows), draft: draftOf(row.drafts) };
}

export interface CreateFlowInput {
  name: string;
  /** The slug to use; derived from the name when absent. */
  id?: string;
  /** Initial content; a start node joined to an end node when absent. */
  content?: FlowDocument;
}

/** Creates a flow with its first draft (revision 1). */
export async function createFlow(db: Database, input: CreateFlowInput, userId: string | null): Promise<FlowWithDraft> {
  return db.transaction(async (tx) => {
    const id = input.id ?? (await uniqueFlowId(tx, input.name));
    const content: FlowDocument = { ...(input.content ?? starterFlow(id, input.name)), id, name: input.name };
    const inserted = await tx
      .insert(flows)
      .values({ id, name: input.name, createdBy: userId })
      .onConflictDoNothing()
      .returning();
    const flow = inserted[0];
    if (!flow) throw conflict(`A flow with the id "${id}" already exists. Choose another id.`, { id });
    const [draft] = await tx
      .insert(drafts)
      .values({ flowId: id, content, nodeCount: content.nodes.length, updatedBy: userId })
      .returning();
    if (!draft) throw new Error('the draft was not inserted');
    return { flow: flowOf(flow), draft: draftOf(draft) };
  });
}

/** Renames a flow; the draft document takes the new name too (a new revision). */
export async function renameFlow(db: Database, id: string, name: string, userId: string | null): Promise<FlowWithDraft> {
  return db.transaction(async (tx) => {
    const [flow] = await tx.update(flows).set({ name, updatedAt: new Date() }).where(eq(flows.id, id)).returning();
    if (!flow) throw notFound(`There is no flow "${id}".`);
    const [draft] = await tx
      .update(drafts)
      .set({
        content: sql`jsonb_set(${drafts.content}::jsonb, '{name}', ${JSON.stringify(name)}::jsonb)::json`,
        revision: sql`${drafts.revision} + 1`,
        updatedBy: userId,
        updatedAt: new Date(),
      })
      .where(eq(drafts.flowId, id))
      .returning();
    if (!draft) throw notFound(`The flow "${id}" has no draft.`);
    return { flow: flowOf(flow), draft: draftOf(draft) };
  });
}

/** Copies a flow's draft into a new flow. */
export async function duplicateFlow(
  db: Database,
  id: string,
  target: { id?: string; name?: string },
  userId: string | null,
): Promise<FlowWithDraft> {
  const source = await getFlow(db, id);
  const name = target.name ?? `${source.flow.name} (copy)`;
  return createFlow(db, { name, id: target.id, content: source.draft.content }, userId);
}

/** Archived flows leave the list and cannot be changed; their versions stay for running conversations. */
export async function setArchived(db: Database, id: string, archived: boolean): Promise<FlowRow> {
  const [flow] = await db
    .update(flows)
    .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
    .where(eq(flows.id, id))
    .returning();
  if (!flow) throw notFound(`There is no flow "${id}".`);
  return flow;
}

export interface SaveDraftInput {
  id: string;
  /** The revision the editor loaded; a newer one on the server means someone else saved. */
  revision: number;
  content: unknown;
}

/** Saves the draft if nobody saved since `revision`; otherwise CONFLICT with the newer revision. */
export async function saveDraft(db: Database, input: SaveDraftInput, userId: string | null): Promise<{ revision: number; updatedAt: string }> {
  const content = readFlowDocument(input.content);
  if (content.id !== input.id) {
    throw invalidInput(`The document's id "${content.id}" does not match the flow "${input.id}".`, [
      { path: 'id', message: `must be "${input.id}"` },
    ]);
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    const [flow] = await tx
      .update(flows)
      .set({ name: content.name, updatedAt: now })
      .where(and(eq(flows.id, input.id), isNull(flows.archivedAt)))
      .returning({ id: flows.id });
    if (!flow) await editableFlow(tx, input.id); // throws: not found, or archived
    const [saved] = await tx
      .update(drafts)
      .set(nextDraftRevision(content, userId, now))
      .where(and(eq(drafts.flowId, input.id), eq(drafts.revision, input.revision)))
      .returning({ revision: drafts.revision, updatedAt: drafts.updatedAt });
    if (!saved) {
      const [current] = await tx.select({ revision: drafts.revision }).from(drafts).where(eq(drafts.flowId, input.id));
      throw staleRevision(input.revision, current?.revision ?? null);
    }
    return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** The columns a draft takes when its content is replaced: a new revision tells open editors. */
export function nextDraftRevision(content: FlowDocument, userId: string | null, at: Date) {
  return { content, nodeCount: content.nodes.length, revision: sql`${drafts.revision} + 1`, updatedBy: userId, updatedAt: at };
}

function staleRevision(yours: number, current: number | null): UserError {
  const message =
    current !== null && yours > current
      ? `Revision ${yours} does not exist; the draft is at revision ${current}. Reload the flow.`
      : `Someone saved this flow after you opened it (revision ${current ?? '?'}, yours is ${yours}). Reload to see their changes, then apply yours again.`;
  return conflict(message, { revision: current });
}

/** The flow row, refusing an archived flow: it has to be restored before it changes. */
export async function editableFlow(db: Database, id: string): Promise<FlowRow> {
  const [flow] = await db.select().from(flows).where(eq(flows.id, id));
  if (!flow) throw notFound(`There is no flow "${id}".`);
  if (flow.archivedAt) throw new UserError('precondition', `The flow "${id}" is archived. Restore it before changing it.`);
  return flow;
}

function draftOf(row: DraftRow): FlowWithDraft['draft'] {
  return {
    content: readStoredFlow(row.content),
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

function flowOf(row: FlowRow): FlowWithDraft['flow'] {
  return {
    id: row.id,
    name: row.name,
    latestVersion: row.latestVersion,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** What a new flow starts as: a start node joined to an end node. */
export function starterFlow(id: string, name: string): FlowDocument {
  return {
    format: FLOW_FORMAT,
    id,
    name,
    locale: 'en-US',
    variables: {},
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'end', type: 'end', position: { x: 0, y: 160 }, data: { outcome: 'resolved' } },
    ],
    edges: [{ id: 'start-next-end', source: 'start', sourceHandle: 'next', target: 'end' }],
  };
}
