import { like } from 'drizzle-orm';
import type { Database } from '../db/client';
import { flows } from '../db/schema';
import { slugify } from '@/flows/schema/slugify';

export { slugify };

/** A free flow id derived from a name: "Lost card" → `lost-card`, then `lost-card-2`… */
export async function uniqueFlowId(db: Database, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ id: flows.id }).from(flows).where(like(flows.id, `${base}%`))).map((row) => row.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
