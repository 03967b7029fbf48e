// desk: the agent desktop. Reading a conversation needs transcript access (agents of its queue,
// admins, designers when granted); working one (claim, reply, transfer, resolve) needs an agent
// or an admin. Routing state changes only through server/routing.
import { z } from 'zod';
import { assertAssigned, assertCanRead } from '../../desk/access';
import { deskConversation, pastTranscript } from '../../desk/conversationDetail';
import { deskInbox, transferTargets } from '../../desk/inbox';
import { loadConversation } from '../../runtime/conversationView';
import { claimConversation, resolveConversation, setPresence, transferConversation } from '../../routing';
import { jsonify } from '../json';
import { router, signedIn } from '../trpc';
import { agentProcedure, transcriptProcedure } from './deskProcedures';
import { deskCannedRouter } from './deskCanned';
import { deskNotesRouter } from './deskNotes';

const ConversationId = z.object({ conversationId: z.uuid() });
const PRESENCES = ['available', 'busy', 'away', 'offline'] as const;

export const deskRouter = router({
  /** Waiting in my queues, assigned to me, my presence and load. */
  inbox: agentProcedure.query(async ({ ctx }) => jsonify(await deskInbox(ctx.services.db, signedIn(ctx.user)))),

  conversation: transcriptProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const conversation = await loadConversation(ctx.services.db, input.id);
    await assertCanRead(ctx.services.db, signedIn(ctx.user), conversation);
    return jsonify(await deskConversation(ctx.services.db, input.id));
  }),

  /** An earlier conversation's transcript, loaded when the agent opens it in the history. */
  transcript: transcriptProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const conversation = await loadConversation(ctx.services.db, input.id);
    await assertCanRead(ctx.services.db, signedIn(ctx.user), conversation);
    return jsonify(await pastTranscript(ctx.services.db, input.id));
  }),

  /** Sent on the customer's current channel, as the agent who is signed in. */
  reply: agentProcedure
    .input(ConversationId.extend({ text: z.string().trim().min(1).max(10_000), requestId: z.string().trim().min(1).max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      const user = signedIn(ctx.user);
      await assertAssigned(ctx.services.db, input.conversationId, user.id);
      return ctx.services.runtime.agent(input.conversationId, { action: 'reply', text: input.text, agent: user.id, ...(input.requestId ? { requestId: input.requestId } : {}) });
    }),

  claim: agentProcedure.input(ConversationId).mutation(async ({ ctx, input }) => {
    await claimConversation(ctx.services, signedIn(ctx.user).id, input.conversationId);
    return { ok: true };
  }),

  transfer: agentProcedure
    .input(ConversationId.extend({ to: z.union([z.object({ queue: z.string().trim().min(1).max(100) }).strict(), z.object({ agentId: z.string().min(1).max(200) }).strict()]) }))
    .mutation(async ({ ctx, input }) => {
      await transferConversation(ctx.services, signedIn(ctx.user).id, input.conversationId, input.to);
      return { ok: true };
    }),

  resolve: agentProcedure.input(ConversationId.extend({ disposition: z.string().trim().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    await resolveConversation(ctx.services, signedIn(ctx.user).id, input.conversationId, input.disposition);
    return { ok: true };
  }),

  setPresence: agentProcedure.input(z.object({ presence: z.enum(PRESENCES) })).mutation(async ({ ctx, input }) => {
    await setPresence(ctx.services, signedIn(ctx.user).id, input.presence);
    return { presence: input.presence };
  }),

  /** Queues and agents a conversation can be transferred to. */
  transferTargets: agentProcedure.query(async ({ ctx }) => jsonify(await transferTargets(ctx.services.db))),

  notes: deskNotesRouter,
  canned: deskCannedRouter,
});

