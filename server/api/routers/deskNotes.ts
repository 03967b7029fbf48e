// desk.notes: internal notes on a conversation, for agents only (never sent to the customer).
import { z } from 'zod';
import { assertCanRead } from '../../desk/access';
import { addNote, listNotes } from '../../desk/notes';
import { loadConversation } from '../../runtime/conversationView';
import { router, signedIn } from '../trpc';
import { agentProcedure, transcriptProcedure } from './deskProcedures';

export const deskNotesRouter = router({
  list: transcriptProcedure.input(z.object({ conversationId: z.uuid() })).query(async ({ ctx, input }) => {
    await assertCanRead(ctx.services.db, signedIn(ctx.user), await loadConversation(ctx.services.db, input.conversationId));
    return listNotes(ctx.services.db, input.conversationId);
  }),

  add: agentProcedure.input(z.object({ conversationId: z.uuid(), text: z.string().trim().min(1).max(5_000) })).mutation(async ({ ctx, input }) => {
    const user = signedIn(ctx.user);
    await assertCanRead(ctx.services.db, user, await loadConversation(ctx.services.db, input.conversationId));
    const note = await addNote(ctx.services.db, { conversationId: input.conversationId, authorId: user.id, text: input.text });
    // Other agents with the conversation open see the note appear.
    ctx.services.runtime.notifier.publish(input.conversationId);
    return note;
  }),
});
