import { like } from 'drizzle-orm';
import type { Database } from '../db/client';
import { flows } from '../db/schema';

/** A free flow id derived from a name: "Lost card" → `lost-card`, then `lost-card-2`… */
export async function uniqueFlowId(db: Database, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (await db.select({ id: flows.id }).from(flows).where(like(flows.id, `${base}%`))).map((row) => row.id),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** ASCII letters and digits joined by dashes; names with none (Thai, say) become `flow`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'flow' : slug;
}
