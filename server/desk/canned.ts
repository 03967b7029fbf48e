// Canned responses: reusable replies whose text is a Liquid template, filled from the
// conversation's variables and contact with the same template engine flows use.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { renderTemplate, templateError } from '@/flows/lang/template';
import type { Database } from '../db/client';
import { cannedResponses, contacts, type CannedResponseRow } from '../db/schema';
import { conflict, invalidInput, notFound, UserError } from '../errors';
import { loadConversation } from '../runtime/conversationView';

export interface CannedResponse {
  id: string;
  title: string;
  shortcut: string | null;
  text: string;
  updatedAt: string;
}

export const CannedInput = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(1).max(120),
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lowercase letters, digits and "-", up to 40 characters.')
    .optional(),
  text: z.string().trim().min(1).max(5_000),
});
export type CannedInput = z.infer<typeof CannedInput>;

export async function listCanned(db: Database): Promise<CannedResponse[]> {
  const rows = await db.select().from(cannedResponses).orderBy(asc(cannedResponses.title));
  return rows.map(cannedView);
}

/** Creates (no id) or replaces one; a template that does not parse is refused with its field. */
export async function upsertCanned(db: Database, input: CannedInput, userId: string): Promise<CannedResponse> {
  const problem = templateError(input.text);
  if (problem) throw invalidInput(`The text is not a valid template: ${problem}`, [{ path: 'text', message: problem, code: 'invalid-template' }]);
  const values = { title: input.title, shortcut: input.shortcut ?? null, text: input.text, updatedBy: userId, updatedAt: new Date() };
  try {
    const [row] = input.id
      ? await db.update(cannedResponses).set(values).where(eq(cannedResponses.id, input.id)).returning()
      : await db.insert(cannedResponses).values(values).returning();
    if (!row) throw notFound(`There is no canned response ${input.id ?? ''}.`);
    return cannedView(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`There is already a canned response called “${input.title}”.`);
    throw error;
  }
}

export async function deleteCanned(db: Database, id: string): Promise<void> {
  const deleted = await db.delete(cannedResponses).where(eq(cannedResponses.id, id)).returning({ id: cannedResponses.id });
  if (deleted.length === 0) throw notFound(`There is no canned response ${id}.`);
}

/** The response's text filled from the conversation: `vars.*`, `contact.*`, `channel`, `conversation.id`. */
export async function renderCanned(db: Database, conversationId: string, id: string): Promise<{ id: string; text: string }> {
  const [row] = await db.select().from(cannedResponses).where(eq(cannedResponses.id, id));
  if (!row) throw notFound(`There is no canned response ${id}.`);
  const conversation = await loadConversation(db, conversationId);
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, conversation.contactId));
  const scope = {
    vars: Vars.parse(conversation.snapshot),
    contact: { name: contact?.name ?? undefined, email: contact?.email ?? undefined, phone: contact?.phone ?? undefined, locale: contact?.locale ?? undefined, attributes: contact?.attributes ?? {} },
    channel: conversation.channel,
    conversation: { id: conversation.id },
    now: new Date().toISOString(),
  };
  try {
    return { id, text: renderTemplate(row.text, scope) };
  } catch (error) {
    throw new UserError('precondition', `“${row.title}” could not be filled in: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

const Vars = z
  .object({ context: z.object({ vars: z.record(z.string(), z.unknown()) }) })
  .transform((snapshot) => snapshot.context.vars)
  .catch({});

function cannedView(row: CannedResponseRow): CannedResponse {
  return { id: row.id, title: row.title, shortcut: row.shortcut, text: row.text, updatedAt: row.updatedAt.toISOString() };
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error;
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '23505';
}
