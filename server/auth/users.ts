// Creating accounts outside the sign-up endpoint (which is off): the owner on a fresh install,
// admins adding people, and `switchboard user create` for scripts.
import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { ROLES, settings, users, type Role, type User } from '../db/schema';
import { conflict, notFound, UserError } from '../errors';
import { PASSWORD_MIN_LENGTH, type Auth } from './auth';

export const NewUser = z.object({
  email: z.email('enter an email address such as ana@example.com').transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, 'enter a name').max(120),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(128, 'use at most 128 characters'),
  role: z.enum(ROLES),
});
export type NewUser = z.infer<typeof NewUser>;

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'createdAt'>;

/** Creates an account with a password login; the email must be free. */
export async function createUser(auth: Auth, db: Database, input: NewUser): Promise<PublicUser> {
  const ctx = await auth.$context;
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw conflict(`There is already an account for ${input.email}.`);
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser({
    email: input.email,
    name: input.name,
    role: input.role,
    emailVerified: true,
  }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: hash });
  return publicUser(await userById(db, user.id));
}

const OWNER_CLAIM = 'owner-created';

/** True until the first account exists: the first visit then asks for the owner. */
export async function needsOwner(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates the first account, an admin. Only one caller can win: the claim row is inserted
 * first, so a second visitor racing the first gets a conflict instead of a second owner.
 */
export async function createOwner(auth: Auth, db: Database, input: Omit<NewUser, 'role'>): Promise<PublicUser> {
  if (!(await needsOwner(db))) throw ownerExists();
  const claimed = await db
    .insert(settings)
    .values({ key: OWNER_CLAIM, value: { email: input.email } })
    .onConflictDoNothing()
    .returning();
  if (claimed.length === 0) throw ownerExists();
  try {
    return await createUser(auth, db, { ...input, role: 'admin' });
  } catch (error) {
    await db.delete(settings).where(eq(settings.key, OWNER_CLAIM));
    throw error;
  }
}

function ownerExists(): UserError {
  return conflict('This Switchboard already has an owner. Sign in, or ask an admin for an account.');
}

export async function listUsers(db: Database): Promise<PublicUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(publicUser);
}

/** Changes a role; the last admin cannot stop being one (nobody could manage accounts). */
export async function setRole(db: Database, userId: string, role: Role): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const user = await userById(tx, userId);
    if (user.role === 'admin' && role !== 'admin') {
      const admins = await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).for('update');
      if (admins.length <= 1) throw new UserError('precondition', 'This is the last admin. Make someone else an admin first.');
    }
    const [updated] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    if (!updated) throw notFound(`There is no user ${userId}.`);
    return publicUser(updated);
  });
}

async function userById(db: Database, id: string): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound(`There is no user ${id}.`);
  return user;
}

export function publicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
}
