import type { MessageKey } from '@/app/i18n/messages';
import type { Role } from '@/server/db/schema';

/** The catalog key naming each role; a role added on the server fails to compile here first. */
const ROLE_KEYS: Record<Role, MessageKey> = {
  admin: 'roleAdmin',
  designer: 'roleDesigner',
  agent: 'roleAgent',
  viewer: 'roleViewer',
};

/** @example t('th', roleKey('viewer')) // → 'ผู้ดู' */
export function roleKey(role: Role): MessageKey {
  return ROLE_KEYS[role];
}
