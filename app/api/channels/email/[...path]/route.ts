import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Inbound-parse webhooks of mail providers (shared secret).
const handler = createApiHandler(getServices);

export { handler as POST };
