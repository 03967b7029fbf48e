// apiKeys (admins): keys for the ingest API, shown once at creation.
import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/apiKeys';
import { adminProcedure, router, signedIn } from '../trpc';
import { jsonify } from '../json';

export const apiKeysRouter = router({
  list: adminProcedure.query(async ({ ctx }) => jsonify(await listApiKeys(ctx.services.db))),

  create: adminProcedure
    .input(z.object({ name: z.string().trim().min(1, 'name the key after what uses it').max(120) }))
    .mutation(async ({ ctx, input }) => jsonify(await createApiKey(ctx.services.db, input.name, signedIn(ctx.user).id))),

  revoke: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => jsonify(await revokeApiKey(ctx.services.db, input.id))),
});
