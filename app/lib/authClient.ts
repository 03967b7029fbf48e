// better-auth in the browser: sign in and out against /api/auth on this same origin, so the
// base URL is the page's own.
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient();
