// Accounts and sessions through better-auth: email and password (hashed by better-auth),
// sessions in httpOnly cookies, users and sessions in our drizzle schema. Public sign-up is
// off: the first visit creates the owner, after that admins create accounts.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '../db/client';
import * as schema from '../db/schema';

export interface AuthOptions {
  secret: string;
  /** The public URL; when absent it comes from the request, for the hosts in `allowedHosts`. */
  baseURL?: string;
  allowedHosts?: string[];
}

export const PASSWORD_MIN_LENGTH = 8;
const LOCAL_HOSTS = ['localhost', 'localhost:*', '127.0.0.1', '127.0.0.1:*', '[::1]:*'];

export function createAuth(db: Database, options: AuthOptions) {
  return betterAuth({
    appName: 'Switchboard',
    secret: options.secret,
    baseURL: options.baseURL ?? {
      allowedHosts: [...LOCAL_HOSTS, ...(options.allowedHosts ?? [])],
      // Server-side calls without a Host header (scripts, the CLI) resolve to the local app.
      fallback: `http://localhost:${process.env.PORT ?? 3000}`,
    },
    basePath: '/api/auth',
    database: drizzleAdapter(db, { provider: 'pg', schema, usePlural: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
    },
    user: {
      additionalFields: {
        // Set by admins through the API, never by the person signing in.
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
      },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
