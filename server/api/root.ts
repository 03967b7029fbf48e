import { apiKeysRouter } from './routers/apiKeys';
import { bindingsRouter } from './routers/bindings';
import { contactsRouter } from './routers/contacts';
import { deskRouter } from './routers/desk';
import { flowsRouter } from './routers/flows';
import { routingRouter } from './routers/routing';
import { setupRouter } from './routers/setup';
import { usersRouter } from './routers/users';
import { versionsRouter } from './routers/versions';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  flows: flowsRouter,
  versions: versionsRouter,
  users: usersRouter,
  apiKeys: apiKeysRouter,
  bindings: bindingsRouter,
  contacts: contactsRouter,
  setup: setupRouter,
  routing: routingRouter,
  desk: deskRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
