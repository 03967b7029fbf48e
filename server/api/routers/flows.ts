// flows: list, read, create, rename, duplicate, archive/restore, save the draft, validate,
// publish, import and export.
import { z } from 'zod';
import { Slug } from '@/flows/schema/common';
import {
  createFlow,
  duplicateFlow,
  getFlow,
  listFlows,
  renameFlow,
  saveDraft,
  setArchived,
} from '../../flows/flowStore';
import { publishDraft, validateDraft } from '../../flows/publishing';
import { validateAgainstPublished } from '../../flows/library';
import { exportFlow, importFlow } from '../../flows/transfer';
import { designProcedure, readProcedure, router, signedIn } from '../trpc';
import { jsonify } from '../json';

const FlowName = z.string().trim().min(1, 'enter a name').max(120, 'use at most 120 characters');
const Revision = z.number().int().positive();
const ById = z.object({ id: Slug });

// Flow results carry their dates as strings already (see FlowWithDraft), so the large document
// is not walked again; smaller results go through jsonify.
export const flowsRouter = router({
  list: readProcedure
    .input(z.object({ includeArchived: z.boolean().optional() }).optional())
    .query(async ({ ctx, input }) => jsonify(await listFlows(ctx.services.db, input ?? {}))),

  get: readProcedure.input(ById).query(({ ctx, input }) => getFlow(ctx.services.db, input.id)),

  create: designProcedure
    .input(z.object({ name: FlowName, id: Slug.optional() }))
    .mutation(({ ctx, input }) => createFlow(ctx.services.db, input, signedIn(ctx.user).id)),

  rename: designProcedure
    .input(z.object({ id: Slug, name: FlowName }))
    .mutation(({ ctx, input }) => renameFlow(ctx.services.db, input.id, input.name, signedIn(ctx.user).id)),

  duplicate: designProcedure
    .input(z.object({ id: Slug, newId: Slug.optional(), name: FlowName.optional() }))
    .mutation(({ ctx, input }) => duplicateFlow(ctx.services.db, input.id, { id: input.newId, name: input.name }, signedIn(ctx.user).id),
    ),

  archive: designProcedure.input(ById).mutation(async ({ ctx, input }) => jsonify(await setArchived(ctx.services.db, input.id, true))),

  restore: designProcedure.input(ById).mutation(async ({ ctx, input }) => jsonify(await setArchived(ctx.services.db, input.id, false))),

  saveDraft: designProcedure
    .input(z.object({ id: Slug, revision: Revision, content: z.record(z.string(), z.unknown()) }))
    .mutation(({ ctx, input }) => saveDraft(ctx.services.db, input, signedIn(ctx.user).id)),

  /** A stored draft by id, or a document the editor holds (checked without saving). */
  validate: readProcedure
    .input(z.union([ById, z.object({ content: z.record(z.string(), z.unknown()) })]))
    .query(async ({ ctx, input }) => {
      const diagnostics =
        'id' in input
          ? await validateDraft(ctx.services.db, input.id)
          : await validateAgainstPublished(ctx.services.db, input.content);
      return { diagnostics, errors: diagnostics.filter((d) => d.severity === 'error').length };
    }),

  publish: designProcedure
    .input(z.object({ id: Slug, note: z.string().max(2000).optional(), revision: Revision.optional() }))
    .mutation(async ({ ctx, input }) => jsonify(await publishDraft(ctx.services.db, input, signedIn(ctx.user).id))),

  import: designProcedure
    .input(
      z.object({
        document: z.union([z.string().min(1, 'the file is empty'), z.record(z.string(), z.unknown())]),
        id: Slug.optional(),
        name: FlowName.optional(),
        allowErrors: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => importFlow(ctx.services.db, input, signedIn(ctx.user).id)),

  export: readProcedure
    .input(z.object({ id: Slug, version: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => exportFlow(ctx.services.db, input.id, input.version)),
});
