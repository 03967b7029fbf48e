// The merges made, newest first, for `contacts.merges` and `switchboard contact merges`.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { contactMerges, MergeMoves, type ContactMergeRow } from '../db/schema';

export interface MergeView {
  id: string;
  survivorId: string;
  mergedId: string;
  reason: ContactMergeRow['reason'];
  identity: string;
  conversationId: string | null;
  moved: { identities: number; conversations: number; messages: number; ended: string | null; filled: string[] };
  createdAt: string;
  undoneAt: string | null;
}

export async function listMerges(db: Database, options: { contactId?: string; limit?: number } = {}): Promise<MergeView[]> {
  const query = db.select().from(contactMerges);
  const rows = await (options.contactId ? query.where(eq(contactMerges.survivorId, options.contactId)) : query)
    .orderBy(desc(contactMerges.createdAt))
    .limit(options.limit ?? 100);
  return rows.map(mergeView);
}

function mergeView(row: ContactMergeRow): MergeView {
  const moved = MergeMoves.parse(row.moved);
  return {
    id: row.id,
    survivorId: row.survivorId,
    mergedId: row.mergedId,
    reason: row.reason,
    identity: row.identity,
    conversationId: row.conversationId,
    moved: {
      identities: moved.identities.length,
      conversations: moved.conversations.length,
      messages: moved.messages,
      ended: moved.ended?.id ?? null,
      filled: Object.keys(moved.filled),
    },
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
  };
}
