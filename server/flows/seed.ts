// First start: the example flows go in as published version 1, once per database, and the web
// chat demo (/chat) gets a binding so `npm start` answers it out of the box.
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelBindings, flows, settings } from '../db/schema';
import { findFiles, loadJson } from '../files';
import { readFlowDocument } from './document';
import { createFlow } from './flowStore';
import { callsOf } from './library';
import { publishDraft } from './publishing';

const SEEDED = 'examples-seeded';
const DEMO_BOUND = 'webchat-demo-bound';

/** The `/chat` page's key and the example that answers it. */
export const DEMO_WEBCHAT = { key: 'demo', flowId: 'order-status' } as const;

export interface SeedReport {
  seeded: string[];
  /** True when this database had been seeded before (no flow was published). */
  already: boolean;
  /** True when this run bound the web chat demo key. */
  demoBound: boolean;
}

/**
 * Publishes every `*.flow.json` of `dir` as version 1, subflows before their callers. Runs once:
 * flows a person later archives or renames are not brought back on the next start.
 */
export async function seedExampleFlows(
  db: Database,
  dir = path.resolve('flows', 'examples'),
  progress: (message: string) => void = () => undefined,
): Promise<SeedReport> {
  const [done] = await db.select().from(settings).where(eq(settings.key, SEEDED));
  // Databases seeded before the demo binding existed get it on their next start.
  if (done) return { seeded: [], already: true, demoBound: await bindWebchatDemo(db, progress) };
  const docs = findFiles([dir], '.flow.json').map((file) => {
    const loaded = loadJson(file);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.error}`);
    return readFlowDocument(loaded.json);
  });
  const seeded: string[] = [];
  for (const doc of calleesFirst(docs)) {
    progress(`Publishing example flow "${doc.name}"…`);
    await createFlow(db, { id: doc.id, name: doc.name, content: doc }, null);
    await publishDraft(db, { id: doc.id, note: 'Example flow' }, null);
    seeded.push(doc.id);
  }
  await db.insert(settings).values({ key: SEEDED, value: seeded }).onConflictDoNothing();
  return { seeded, already: false, demoBound: await bindWebchatDemo(db, progress) };
}

/**
 * Binds web chat key `demo` to the order-status example, once, and only on a database with no
 * bindings yet: an install whose owner chose bindings is left as it is, and a demo binding that
 * was removed stays removed.
 */
export async function bindWebchatDemo(db: Database, progress: (message: string) => void = () => undefined): Promise<boolean> {
  const [done] = await db.select().from(settings).where(eq(settings.key, DEMO_BOUND));
  if (done) return false;
  const [bindings] = await db.select({ n: count() }).from(channelBindings);
  const [flow] = await db.select({ version: flows.latestVersion }).from(flows).where(eq(flows.id, DEMO_WEBCHAT.flowId));
  const bind = bindings?.n === 0 && flow !== undefined && flow.version > 0;
  if (bind) {
    await db.insert(channelBindings).values({ channel: 'webchat', address: DEMO_WEBCHAT.key, flowId: DEMO_WEBCHAT.flowId }).onConflictDoNothing();
    progress(`Bound web chat key "${DEMO_WEBCHAT.key}" to "${DEMO_WEBCHAT.flowId}" (try it at /chat).`);
  }
  await db.insert(settings).values({ key: DEMO_BOUND, value: bind }).onConflictDoNothing();
  return bind;
}

/** Orders documents so that every flow comes after the flows it calls. */
function calleesFirst<T extends { id: string }>(docs: readonly T[]): T[] {
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const ordered: T[] = [];
  const visited = new Set<string>();
  const visit = (doc: T) => {
    if (visited.has(doc.id)) return;
    visited.add(doc.id);
    for (const id of callsOf(doc)) {
      const callee = byId.get(id);
      if (callee) visit(callee);
    }
    ordered.push(doc);
  };
  [...docs].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  return ordered;
}
