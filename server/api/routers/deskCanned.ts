// desk.canned: canned responses. Agents list and fill them; admins manage them.
import { z } from 'zod';
import { assertCanRead } from '../../desk/access';
import { CannedInput, deleteCanned, listCanned, renderCanned, upsertCanned } from '../../desk/canned';
import { loadConversation } from '../../runtime/conversationView';
import { adminProcedure, router, signedIn } from '../trpc';
import { agentProcedure } from './deskProcedures';

export const deskCannedRouter = router({
  list: agentProcedure.query(async ({ ctx }) => listCanned(ctx.services.db)),

  /** The response's text with the conversation's variables and contact filled in. */
  render: agentProcedure.input(z.object({ conversationId: z.uuid(), id: z.uuid() })).query(async ({ ctx, input }) => {
    await assertCanRead(ctx.services.db, signedIn(ctx.user), await loadConversation(ctx.services.db, input.conversationId));
    return renderCanned(ctx.services.db, input.conversationId, input.id);
  }),

  upsert: adminProcedure.input(CannedInput).mutation(async ({ ctx, input }) => upsertCanned(ctx.services.db, input, signedIn(ctx.user).id)),

  delete: adminProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await deleteCanned(ctx.services.db, input.id);
    return { ok: true };
  }),
});
