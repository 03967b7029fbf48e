// routing: agents' skills, capacity and transcript access, queues' rules, and live figures,
// managed by admins (the agent desktop's own calls are desk.*).
import { z } from 'zod';
import { Slug } from '@/flows/schema/common';
import { AgentUpdate, listAgents, updateAgent } from '../../routing/agents';
import { visibleQueues } from '../../routing/access';
import { queueFigures } from '../../routing/lists';
import { deleteQueue, listQueues, QueueInput, upsertQueue } from '../../routing/queues';
import { jsonify } from '../json';
import { adminProcedure, router, signedIn } from '../trpc';

/** Admins and agents: the figures are what a supervisor and the desktop's header show. */
const figuresProcedure = adminProcedure.meta({ roles: ['admin', 'agent'] });

export const routingRouter = router({
  agents: router({
    list: adminProcedure.query(async ({ ctx }) => jsonify(await listAgents(ctx.services.db))),
    update: adminProcedure.input(AgentUpdate).mutation(async ({ ctx, input }) => {
      await updateAgent(ctx.services.db, input);
      ctx.services.runtime.notifier.publish('routing');
      ctx.services.routing.trigger();
    }),
  }),
  queues: router({
    list: adminProcedure.query(async ({ ctx }) => jsonify(await listQueues(ctx.services.db))),
    upsert: adminProcedure.input(QueueInput).mutation(async ({ ctx, input }) => {
      const saved = await upsertQueue(ctx.services.db, input);
      ctx.services.runtime.notifier.publish('routing');
      ctx.services.routing.trigger();
      return jsonify(saved);
    }),
    delete: adminProcedure.input(z.object({ id: Slug })).mutation(async ({ ctx, input }) => {
      await deleteQueue(ctx.services.db, input.id);
      ctx.services.runtime.notifier.publish('routing');
    }),
  }),
  figures: figuresProcedure.query(async ({ ctx }) => {
    const figures = await queueFigures(ctx.services.db, ctx.services.runtime.now());
    // An agent sees the queues they serve, as with the conversations in them.
    const visible = await visibleQueues(ctx.services.db, signedIn(ctx.user));
    return jsonify(visible.all ? figures : figures.filter((figure) => visible.queues.includes(figure.queue)));
  }),
});
