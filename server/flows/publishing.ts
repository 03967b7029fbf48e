// Publishing: immutable numbered versions made from the draft (or, for a rollback, from an
// older version), refused while the content has errors.
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Diagnostic, FlowDocument } from '@/flows';
import { diffFlows, type FlowDiff } from '@/flows/diff/diffFlows';
import type { Database } from '../db/client';
import { drafts, flowVersions, flows, users, type FlowRow, type FlowVersionRow } from '../db/schema';
import { conflict, notFound, UserError } from '../errors';
import { flowChecksum } from './checksum';
import { readFlowDocument, readStoredFlow } from './document';
import { getFlow, nextDraftRevision } from './flowStore';
import { validateAgainstPublished } from './library';

export type VersionSummary = Omit<FlowVersionRow, 'content'>;

/** What the validator says of a flow's draft, subflows resolved among published flows. */
export async function validateDraft(db: Database, id: string): Promise<Diagnostic[]> {
  const { draft } = await getFlow(db, id);
  return validateAgainstPublished(db, draft.content);
}

export interface PublishInput {
  id: string;
  note?: string;
  /** When given, publish only if the draft is still this revision (what the person reviewed). */
  revision?: number;
}

/** Publishes the draft as version n+1; refused while it has errors. */
export async function publishDraft(db: Database, input: PublishInput, userId: string | null): Promise<VersionSummary> {
  return db.transaction(async (tx) => {
    await lockFlow(tx, input.id);
    const [draft] = await tx.select().from(drafts).where(eq(drafts.flowId, input.id));
    if (!draft) throw notFound(`The flow "${input.id}" has no draft.`);
    if (input.revision !== undefined && draft.revision !== input.revision) {
      throw conflict(
        `The draft changed since you reviewed it (now revision ${draft.revision}, yours is ${input.revision}). Review it again before publishing.`,
        { revision: draft.revision },
      );
    }
    const content = readFlowDocument(draft.content);
    return insertVersion(tx, { id: input.id, content, note: input.note ?? '' }, userId);
  });
}

/** Publishes an older version's content again, as the newest version. */
export async function rollbackTo(
  db: Database,
  input: { id: string; number: number; note?: string },
  userId: string | null,
): Promise<VersionSummary> {
  return db.transaction(async (tx) => {
    const flow = await lockFlow(tx, input.id);
    const old = await getVersion(tx, input.id, input.number);
    const note = input.note ?? `Rollback to version ${input.number}`;
    const content = readFlowDocument(old.content);
    const version = await insertVersion(tx, { id: input.id, content, note }, userId);
    // The draft goes back too: otherwise the next publish would quietly bring back what was
    // rolled back, and the editor would keep showing it. The flow keeps its current name (a
    // rename is not a version), as the draft's name always follows the flow's.
    await tx
      .update(drafts)
      .set(nextDraftRevision({ ...content, name: flow.name }, userId, new Date()))
      .where(eq(drafts.flowId, input.id));
    return version;
  });
}

/** Locks the flow row so concurrent publishes take numbers one after another. */
async function lockFlow(tx: Database, id: string): Promise<FlowRow> {
  const [flow] = await tx.select().from(flows).where(eq(flows.id, id)).for('update');
  if (!flow) throw notFound(`There is no flow "${id}".`);
  if (flow.archivedAt) throw new UserError('precondition', `The flow "${id}" is archived. Restore it before publishing.`);
  return flow;
}

async function insertVersion(
  tx: Database,
  input: { id: string; content: FlowDocument; note: string },
  userId: string | null,
): Promise<VersionSummary> {
  const blocking = (await validateAgainstPublished(tx, input.content)).filter(blocksPublishing);
  if (blocking.length > 0) {
    const count = `${blocking.length} problem${blocking.length === 1 ? '' : 's'}`;
    throw new UserError('precondition', `The flow has ${count} to fix before publishing. First: ${blocking[0]?.message}`, {
      diagnostics: blocking,
    });
  }
  const [flow] = await tx
    .update(flows)
    .set({ latestVersion: sql`${flows.latestVersion} + 1`, updatedAt: new Date() })
    .where(eq(flows.id, input.id))
    .returning({ number: flows.latestVersion });
  if (!flow) throw notFound(`There is no flow "${input.id}".`);
  const [version] = await tx
    .insert(flowVersions)
    .values({
      flowId: input.id,
      number: flow.number,
      content: input.content,
      checksum: flowChecksum(input.content),
      note: input.note,
      publishedBy: userId,
    })
    .returning();
  if (!version) throw new Error('the version was not inserted');
  return summaryOf(version);
}

/**
 * Errors block publishing, and so does a subflow that is not published: the validator can only
 * warn about it (a file checked alone does not see other flows), but here every published flow
 * is known, and a conversation would fail when it reached the call.
 */
function blocksPublishing(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' || diagnostic.code === 'unknown-flow';
}

/** A version in the history: who published it by name too (null once their account is gone). */
export type VersionListItem = VersionSummary & { publishedByName: string | null };

export async function listVersions(db: Database, id: string): Promise<VersionListItem[]> {
  const [flow] = await db.select({ id: flows.id }).from(flows).where(eq(flows.id, id));
  if (!flow) throw notFound(`There is no flow "${id}".`);
  const { content: _content, ...columns } = getTableColumns(flowVersions);
  return db
    .select({ ...columns, publishedByName: users.name })
    .from(flowVersions)
    .leftJoin(users, eq(users.id, flowVersions.publishedBy))
    .where(eq(flowVersions.flowId, id))
    .orderBy(desc(flowVersions.number));
}

export async function getVersion(db: Database, id: string, number: number): Promise<FlowVersionRow> {
  const [version] = await db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.flowId, id), eq(flowVersions.number, number)));
  if (!version) throw notFound(`The flow "${id}" has no version ${number}.`);
  return version;
}

/** What changed from version `from` to version `to` (either may be `draft`). */
export async function diffVersions(
  db: Database,
  id: string,
  from: number | 'draft',
  to: number | 'draft',
): Promise<FlowDiff> {
  const [before, after] = await Promise.all([contentAt(db, id, from), contentAt(db, id, to)]);
  return diffFlows(before, after);
}

async function contentAt(db: Database, id: string, at: number | 'draft'): Promise<FlowDocument> {
  if (at === 'draft') return (await getFlow(db, id)).draft.content;
  return readStoredFlow((await getVersion(db, id, at)).content);
}

function summaryOf(version: FlowVersionRow): VersionSummary {
  const { content: _content, ...summary } = version;
  return summary;
}
