// The runtime's `EffectServices`: links a `channel` node puts in `{{ link }}`. Built while a step
// runs (no I/O): the secret is read once when the services start.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { EffectServices } from '@/flows';
import type { Database } from '../db/client';
import { settings } from '../db/schema';
import { signContinueToken } from './continueToken';

export const CONTINUE_PATH = '/chat/continue';

/**
 * Web chat gets `<public url>/chat/continue/<token>`, which opens the widget bound to the
 * journey. Other channels get no link (an empty `{{ link }}`): a customer continues on SMS,
 * a call, LINE or email by writing to the number or account the message names, and their
 * phone, LINE id or email already is (or is linked as) an identity of the contact.
 */
export function continueLinkServices(secret: string, publicUrl: string): EffectServices {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    continueLink: ({ conversationId, channel, contact, expiresAt }) => {
      if (channel !== 'webchat' || !contact.id) return '';
      const token = signContinueToken({ conversationId, contactId: contact.id, channel, expiresAt: new Date(expiresAt) }, secret);
      return `${base}${CONTINUE_PATH}/${token}`;
    },
  };
}

/** Where customers reach this Switchboard: SWITCHBOARD_PUBLIC_URL, else localhost on PORT. */
export function publicUrl(): string {
  return process.env.SWITCHBOARD_PUBLIC_URL || `http://localhost:${process.env.PORT || '3000'}`;
}

const SECRET_KEY = 'link-secret';
const StoredSecret = z.string().min(32);

/**
 * Signs continue links. SWITCHBOARD_LINK_SECRET wins; without it a random secret is made once
 * and kept in the database, so every process (web, workers) signs and checks alike.
 */
export async function linkSecret(db: Database): Promise<string> {
  const fromEnv = process.env.SWITCHBOARD_LINK_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SWITCHBOARD_LINK_SECRET must be at least 32 characters. Generate one with `openssl rand -base64 32`.');
    return fromEnv;
  }
  await db.insert(settings).values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, SECRET_KEY));
  return StoredSecret.parse(row?.value);
}
