// An outside client of the API for tests and benchmarks: real HTTP, real sessions.
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../api/root';

export type ApiClient = TRPCClient<AppRouter>;

/** A tRPC client that sends the given session cookie (or none). */
export function apiClient(baseUrl: string, cookie?: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, headers: () => (cookie ? { cookie } : {}) })],
  });
}

/** Signs in through better-auth's endpoint and returns the session cookie to send back. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  if (cookies.length === 0) throw new Error(`sign-in as ${email} set no cookie`);
  return cookies.join('; ');
}
