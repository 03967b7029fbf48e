// contacts: merges of contacts found to be one person, and undoing them.
import { z } from 'zod';
import { listMerges } from '../../contacts/mergeList';
import { unmergeContacts } from '../../contacts/unmerge';
import { adminProcedure, router, signedIn } from '../trpc';

export const contactsRouter = router({
  merges: adminProcedure
    .input(z.object({ contactId: z.uuid().optional(), limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) => listMerges(ctx.services.db, input ?? {})),

  unmerge: adminProcedure.input(z.object({ mergeId: z.uuid() })).mutation(async ({ ctx, input }) => {
    await unmergeContacts(ctx.services.db, input.mergeId, signedIn(ctx.user).id);
    return { mergeId: input.mergeId, undone: true };
  }),
});
