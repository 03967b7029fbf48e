// setup: a fresh install asks its first visitor to create the owner account (an admin).
import { createOwner, needsOwner, NewUser } from '../../auth/users';
import { publicProcedure, router } from '../trpc';
import { jsonify } from '../json';

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ needsOwner: await needsOwner(ctx.services.db) })),

  createOwner: publicProcedure
    .input(NewUser.omit({ role: true }))
    .mutation(async ({ ctx, input }) => jsonify(await createOwner(ctx.services.auth, ctx.services.db, input))),
});
