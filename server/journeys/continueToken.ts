// The token in a continue link (`/chat/continue/<token>`): which conversation, whose, on which
// channel, until when; signed with HMAC-SHA256. Binary and base64url, so an SMS link stays short
// (72 characters): version, two uuids, the channel, the expiry in seconds, then 16 bytes of MAC.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHANNELS, type Channel } from '@/flows';

export interface ContinueClaims {
  conversationId: string;
  contactId: string;
  channel: Channel;
  expiresAt: Date;
}

export type VerifiedToken = { ok: true; claims: ContinueClaims } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const VERSION = 1;
const BODY_BYTES = 1 + 16 + 16 + 1 + 4;
/** 128 bits of the MAC: forging one is 2^128 guesses, and the link stays short. */
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs the claims; throws for ids that are not uuids (a bug: the runtime's ids always are). */
export function signContinueToken(claims: ContinueClaims, secret: string): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  uuidBytes(claims.conversationId).copy(body, 1);
  uuidBytes(claims.contactId).copy(body, 17);
  body.writeUInt8(CHANNELS.indexOf(claims.channel), 33);
  body.writeUInt32BE(Math.ceil(claims.expiresAt.getTime() / 1000), 34);
  return Buffer.concat([body, mac(body, secret)]).toString('base64url');
}

/** Checks the MAC (in constant time), then the expiry against `now`. */
export function verifyContinueToken(token: string, secret: string, now: Date): VerifiedToken {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return { ok: false, reason: 'malformed' };
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== BODY_BYTES + MAC_BYTES || raw.readUInt8(0) !== VERSION) return { ok: false, reason: 'malformed' };
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(raw.subarray(BODY_BYTES), mac(body, secret))) return { ok: false, reason: 'tampered' };
  const channel = CHANNELS[body.readUInt8(33)];
  if (!channel) return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(body.readUInt32BE(34) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { conversationId: uuidOf(body.subarray(1, 17)), contactId: uuidOf(body.subarray(17, 33)), channel, expiresAt } };
}

function mac(body: Buffer, secret: string): Buffer {
  return createHmac('sha256', secret).update('switchboard/continue\n').update(body).digest().subarray(0, MAC_BYTES);
}

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
