// The Twilio number a conversation last reached us on: an SMS the journey sends goes out from
// it unless TWILIO_SMS_FROM names one number for all.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { twilioConversationNumbers } from '../../db/schema';

export async function rememberNumber(db: Database, conversationId: string, number: string): Promise<void> {
  await db
    .insert(twilioConversationNumbers)
    .values({ conversationId, number })
    .onConflictDoUpdate({ target: twilioConversationNumbers.conversationId, set: { number, updatedAt: new Date() } });
}

export async function conversationNumber(db: Database, conversationId: string): Promise<string | undefined> {
  const [row] = await db.select({ number: twilioConversationNumbers.number }).from(twilioConversationNumbers).where(eq(twilioConversationNumbers.conversationId, conversationId));
  return row?.number;
}
