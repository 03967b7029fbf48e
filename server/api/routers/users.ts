// users: who am I, and (admins) accounts and roles.
import { z } from 'zod';
import { ROLES } from '../../db/schema';
import { createUser, listUsers, NewUser, setRole } from '../../auth/users';
import { jsonify } from '../json';
import { adminProcedure, readProcedure, router } from '../trpc';

export const usersRouter = router({
  me: readProcedure.query(({ ctx }) => ctx.user),

  list: adminProcedure.query(async ({ ctx }) => jsonify(await listUsers(ctx.services.db))),

  create: adminProcedure
    .input(NewUser)
    .mutation(async ({ ctx, input }) => jsonify(await createUser(ctx.services.auth, ctx.services.db, input))),

  setRole: adminProcedure
    .input(z.object({ userId: z.string().min(1), role: z.enum(ROLES) }))
    .mutation(async ({ ctx, input }) => jsonify(await setRole(ctx.services.db, input.userId, input.role))),
});
