import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// Twilio's webhooks: voice calls (TwiML answers), their status, inbound SMS and delivery reports.
const handler = createApiHandler(getServices);

export { handler as POST };
