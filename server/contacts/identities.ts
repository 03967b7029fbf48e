// How an inbound sender becomes an identity key. Voice and SMS share the `phone` kind (a call
// and a text from one number are one contact), numbers in E.164; emails lower-cased; LINE ids
// and visitor ids as they are. Every look-up and insert of `contact_identities` goes through here.
import { normalizeAddress, type IdentityKind } from '@/flows';
import type { IdentityChannel } from '../db/schema';
import type { Channel } from '../runtime/adapters';

export interface IdentityKey {
  channel: IdentityChannel;
  address: string;
}

/** The identity a message on `channel` from `address` belongs to. */
export function identityOf(channel: Channel, address: string): IdentityKey {
  const kind = kindOf(channel);
  if (!kind) return { channel, address };
  // An address the channel gave us that does not normalise is still an identity, as written.
  return { channel: kind, address: normalizeAddress(kind, address, countryCode()) ?? address.trim() };
}

/** The identity an `identify` node links (its address is already normalised by the flow). */
export function linkedIdentity(kind: IdentityKind, address: string): IdentityKey {
  return { channel: kind, address: normalizeAddress(kind, address, countryCode()) ?? address };
}

export function isPhoneChannel(channel: Channel): boolean {
  return channel === 'voice' || channel === 'sms';
}

function kindOf(channel: Channel): IdentityKind | undefined {
  if (isPhoneChannel(channel)) return 'phone';
  if (channel === 'email') return 'email';
  return undefined;
}

/** National numbers (leading 0) take this country code, e.g. 66 for Thailand. */
function countryCode(): string | undefined {
  const code = process.env.SWITCHBOARD_PHONE_COUNTRY_CODE?.replace(/^\+/, '');
  return code && /^[1-9][0-9]{0,2}$/.test(code) ? code : undefined;
}
