// First start: the example flows go in as published version 1, once per database.
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { settings } from '../db/schema';
import { findFiles, loadJson } from '../files';
import { readFlowDocument } from './document';
import { createFlow } from './flowStore';
import { callsOf } from './library';
import { publishDraft } from './publishing';

const SEEDED = 'examples-seeded';

export interface SeedReport {
  seeded: string[];
  /** True when this database had been seeded before (nothing was done). */
  already: boolean;
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
  if (done) return { seeded: [], already: true };
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
  return { seeded, already: false };
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
