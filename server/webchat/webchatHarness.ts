// The web-chat endpoints served over HTTP on a test database, with a small shop flow bound to
// key `shop`, and the calls a widget makes. Shared by the web-chat test files.
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { createApiHandler } from '../api/handler';
import { events } from '../db/schema';
import { readFlowDocument } from '../flows/document';
import { createFlow } from '../flows/flowStore';
import { publishDraft } from '../flows/publishing';
import { serveFetch, type FetchServer } from '../http/serveFetch';
import { setBinding } from '../runtime/bindings';
import { startApi, type ApiHarness } from '../testing/apiHarness';
import type { DatabaseKind } from '../testing/database';
import { shopFlowFor } from '../testing/shopFlow';

export const SHOP_KEY = 'shop';

/** Greets with a menu (two quick replies); either choice says something and ends. */
export const shopFlow = shopFlowFor({ id: 'shop', name: 'Shop', channel: 'webchat', prompt: 'Hi! Track an order or say goodbye?', trackLabel: 'Track my order', goodbye: 'Thanks for chatting!', timeout: '10m' });

export interface HistoryBody {
  conversation: { id: string; status: string; at: string | null; outcome: string | null } | null;
  messages: { id: number; conversationId: string; direction: string; channel: string; author: string; text: string | null; quickReplies: { id: string; label: string }[] }[];
}

export interface WebchatHarness {
  api: ApiHarness;
  url: string;
  endpoint(path: string, key?: string): string;
  post(path: string, body: unknown, key?: string): Promise<Response>;
  /** After the runtime applied everything: what the widget shows after a reload. */
  history(visitor: string): Promise<HistoryBody>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startWebchat(kind: DatabaseKind): Promise<WebchatHarness> {
  const api = await startApi(kind);
  const { db } = api.services;
  await createFlow(db, { id: 'shop', name: 'Shop', content: readFlowDocument(shopFlow) }, null);
  await publishDraft(db, { id: 'shop' }, null);
  await setBinding(db, { channel: 'webchat', address: SHOP_KEY, flowId: 'shop' });
  const strings = (locale: 'en' | 'th') => ({ widgetSend: locale === 'th' ? 'ส่ง' : 'Send' });
  const server: FetchServer = await serveFetch(createApiHandler(api.services, { webchat: { strings } }));
  const endpoint = (path: string, key = SHOP_KEY) => `${server.url}/api/webchat/${key}/${path}`;
  return {
    api,
    url: server.url,
    endpoint,
    post: (path, body, key) =>
      fetch(endpoint(path, key), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    history: async (visitor) => {
      await api.services.runtime.idle();
      const response = await fetch(endpoint(`history?visitor=${visitor}`));
      if (response.status !== 200) throw new Error(`history answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    eventCount: async () => (await db.select({ n: count() }).from(events))[0]?.n ?? 0,
    close: async () => {
      await server.close();
      await api.close();
    },
  };
}

/** A fresh id as the widget makes them: random and url-safe. */
export function randomId(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}
