import { widgetStrings } from '@/app/chat/widgetStrings';
import { createApiHandler } from '@/server/api/handler';
import { getServices } from '@/server/services';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The public web-chat endpoints: the widget on other sites calls them (CORS preflight included).
const handler = createApiHandler(getServices, { webchat: { strings: widgetStrings } });

export { handler as GET, handler as POST, handler as OPTIONS };
