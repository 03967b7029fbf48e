// versions: the immutable published snapshots of a flow, rollback and diff.
import { z } from 'zod';
import { Slug } from '@/flows/schema/common';
import { diffVersions, getVersion, listVersions, rollbackTo } from '../../flows/publishing';
import { designProcedure, readProcedure, router, signedIn } from '../trpc';
import { jsonify } from '../json';

const VersionNumber = z.number().int().positive();
const VersionRef = z.union([VersionNumber, z.literal('draft')]);

export const versionsRouter = router({
  list: readProcedure.input(z.object({ id: Slug })).query(async ({ ctx, input }) => jsonify(await listVersions(ctx.services.db, input.id))),

  get: readProcedure
    .input(z.object({ id: Slug, number: VersionNumber }))
    .query(async ({ ctx, input }) => jsonify(await getVersion(ctx.services.db, input.id, input.number))),

  rollback: designProcedure
    .input(z.object({ id: Slug, number: VersionNumber, note: z.string().max(2000).optional() }))
    .mutation(async ({ ctx, input }) => jsonify(await rollbackTo(ctx.services.db, input, signedIn(ctx.user).id))),

  /** Nodes and edges added, removed and changed (with the changed fields) from `from` to `to`. */
  diff: readProcedure
    .input(z.object({ id: Slug, from: VersionRef, to: VersionRef }))
    .query(async ({ ctx, input }) => jsonify(await diffVersions(ctx.services.db, input.id, input.from, input.to))),
});
