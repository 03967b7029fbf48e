import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

// Server code needs Node (PGlite, pg, crypto) and must never be cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handler = createApiHandler(getServices);

export { handler as GET, handler as POST };
