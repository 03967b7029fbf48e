// Addresses that identify a contact, in one canonical form so the same person written two ways
// (`081-000-0001` and `+66810000001`, `Ana@Example.com` and `ana@example.com`) is one identity.

/** What an identity is: a phone number (voice and SMS share it), an email, a LINE user id, a web-chat visitor id. */
export const IDENTITY_KINDS = ['phone', 'email', 'line', 'webchat'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The canonical form of an address, or undefined when it cannot be one of its kind. Phones
 * become E.164 (`+` and 8–15 digits): separators go, `00` becomes `+`, and a national number
 * (leading `0`) takes `countryCode` when given (`66` → `081…` is `+6681…`).
 *
 * @example normalizeAddress('phone', '081-000 0001', '66') // → '+66810000001'
 * @example normalizeAddress('email', ' Ana@Example.COM ') // → 'ana@example.com'
 */
export function normalizeAddress(kind: IdentityKind, raw: string, countryCode?: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  switch (kind) {
    case 'phone':
      return normalizePhone(value, countryCode);
    case 'email':
      return EMAIL.test(value) && value.length <= 320 ? value.toLowerCase() : undefined;
    case 'line':
    case 'webchat':
      return /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : undefined;
    default: {
      const exhaustive: never = kind;
      throw new Error(`unknown identity kind ${String(exhaustive)}`);
    }
  }
}

function normalizePhone(value: string, countryCode: string | undefined): string | undefined {
  if (!/^[+0-9 ().\-/]+$/.test(value)) return undefined;
  const digits = value.replace(/\D/g, '');
  let e164: string;
  if (value.startsWith('+')) e164 = `+${digits}`;
  else if (digits.startsWith('00')) e164 = `+${digits.slice(2)}`;
  else if (digits.startsWith('0') && countryCode) e164 = `+${countryCode}${digits.slice(1)}`;
  // Without a country a national number stays as digits: still one identity for one spelling.
  else if (digits.startsWith('0')) return digits.length >= 6 && digits.length <= 15 ? digits : undefined;
  else e164 = `+${digits}`;
  return /^\+[1-9][0-9]{7,14}$/.test(e164) ? e164 : undefined;
}
