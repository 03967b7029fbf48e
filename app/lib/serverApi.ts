// The API as server components call it: the same tRPC procedures (and role checks) as over
// HTTP, without the HTTP. React's cache() makes one context per request, however many
// components of the page ask. Server only: `next/headers` refuses to load in a client bundle.
import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '@/server/api/handler';
import { createCaller } from '@/server/api/root';
import { getServices } from '@/server/services';

export const serverApi = cache(async () => {
  const services = await getServices();
  // Server components cannot set cookies, so response headers a procedure writes are dropped.
  const context = await createContext(services, await headers(), new Headers());
  return { api: createCaller(context), user: context.user };
});
