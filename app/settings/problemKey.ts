import type { MessageKey } from '@/app/i18n/messages';

/**
 * The message for a refusal no field or row explains: the session ended or the role changed
 * in another tab (the API checks every call), or something unexpected.
 */
export function problemKey(code: string | undefined): MessageKey {
  return code === 'UNAUTHORIZED' || code === 'FORBIDDEN' ? 'errorNotAllowed' : 'errorGeneric';
}
