import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handler = createApiHandler(getServices);

export { handler as GET };
