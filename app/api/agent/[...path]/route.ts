import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The agent desktop's change stream (GET /api/agent/stream), signed in by the session cookie.
const handler = createApiHandler(getServices);

export { handler as GET };
