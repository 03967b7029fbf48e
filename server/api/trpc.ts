// tRPC setup: the request context (services and the signed-in user), the role guard every
// procedure goes through, and error mapping.
import { initTRPC, TRPCError } from '@trpc/server';
import type { Role } from '../db/schema';
import { ROLES } from '../db/schema';
import type { Services } from '../services';
import { errorData, reportUnexpected, toTRPCError } from './errors';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Context {
  services: Services;
  user: SessionUser | null;
  /** Headers for the response (a procedure that signs someone in sets cookies here). */
  resHeaders: Headers;
  headers: Headers;
}

/** Who may call a procedure: `public` (anyone, signed in or not) or the roles allowed. */
export interface Meta {
  roles: 'public' | readonly Role[];
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      return { ...shape, data: { ...shape.data, ...errorData(error) } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Our errors become tRPC codes here, before the formatter sees them. */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error);
  reportUnexpected(mapped, path);
  throw mapped;
});

/** Fails closed: a procedure without declared roles cannot be called at all. */
const guardRoles = t.middleware(({ meta, ctx, next }) => {
  if (!meta?.roles) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'This procedure declares no roles.' });
  if (meta.roles === 'public') return next();
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to do this.' });
  if (!meta.roles.includes(ctx.user.role)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Your role (${ctx.user.role}) cannot do this; it needs ${meta.roles.join(' or ')}.`,
    });
  }
  return next({ ctx: { user: ctx.user } });
});

const procedure = t.procedure.use(mapErrors).use(guardRoles);

/** Anyone, signed in or not. */
export const publicProcedure = procedure.meta({ roles: 'public' });
/** Every role: reading flows, versions and diffs. */
export const readProcedure = procedure.meta({ roles: ROLES });
/** Designers and admins: changing flows. */
export const designProcedure = procedure.meta({ roles: ['admin', 'designer'] });
/** Admins: accounts and API keys. */
export const adminProcedure = procedure.meta({ roles: ['admin'] });

/** The signed-in user of a procedure behind the role guard. */
export function signedIn(user: SessionUser | null): SessionUser {
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to do this.' });
  return user;
}
