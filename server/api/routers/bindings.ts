// bindings: which flow answers which channel (and address).
import { z } from 'zod';
import { Slug } from '@/flows/schema/common';
import { CHANNELS } from '../../db/schema';
import { listBindings, removeBinding, setBinding } from '../../runtime/bindings';
import { jsonify } from '../json';
import { designProcedure, readProcedure, router } from '../trpc';

export const bindingsRouter = router({
  list: readProcedure.query(async ({ ctx }) => jsonify(await listBindings(ctx.services.db))),

  set: designProcedure
    .input(z.object({ channel: z.enum(CHANNELS), address: z.string().trim().min(1).max(320).optional(), flowId: Slug }))
    .mutation(async ({ ctx, input }) => jsonify(await setBinding(ctx.services.db, input))),

  remove: designProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => jsonify(await removeBinding(ctx.services.db, input.id))),
});
