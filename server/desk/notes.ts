// Internal notes: agents write them on a conversation for each other. They live in their own
// table, never in the transcript, so nothing can send them to the customer.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { deskNotes, users } from '../db/schema';
import { loadConversation } from '../runtime/conversationView';

export interface DeskNote {
  id: string;
  conversationId: string;
  author: { id: string; name: string } | null;
  text: string;
  at: string;
}

export async function addNote(db: Database, input: { conversationId: string; authorId: string; text: string }): Promise<DeskNote> {
  await loadConversation(db, input.conversationId);
  const [row] = await db.insert(deskNotes).values(input).returning();
  if (!row) throw new Error('the note was not stored');
  const [author] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.authorId));
  return { id: row.id, conversationId: row.conversationId, author: author ?? null, text: row.text, at: row.createdAt.toISOString() };
}

/** The conversation's notes, oldest first. */
export async function listNotes(db: Database, conversationId: string): Promise<DeskNote[]> {
  const rows = await db
    .select({ note: deskNotes, authorName: users.name })
    .from(deskNotes)
    .leftJoin(users, eq(users.id, deskNotes.authorId))
    .where(eq(deskNotes.conversationId, conversationId))
    .orderBy(asc(deskNotes.createdAt), asc(deskNotes.id));
  return rows.map(({ note, authorName }) => ({
    id: note.id,
    conversationId: note.conversationId,
    author: note.authorId && authorName !== null ? { id: note.authorId, name: authorName } : null,
    text: note.text,
    at: note.createdAt.toISOString(),
  }));
}
