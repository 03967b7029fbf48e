import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// LINE's webhook (signed with the channel secret).
const handler = createApiHandler(getServices);

export { handler as POST };
