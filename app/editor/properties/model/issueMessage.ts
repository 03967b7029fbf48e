// zod's own wording ("Too small: expected array to have >=1 items") is for developers; the
// common cases get a designer's sentence in the UI's language. Messages a schema wrote itself
// (`keys are digits, * or #`) are kept as written.
import type { z } from 'zod';
import { t, type Locale } from '@/app/i18n/messages';

/**
 * @example issueMessage({ code: 'too_small', origin: 'array', minimum: 1, … }, false, 'en') // 'Add at least 1.'
 */
export function issueMessage(issue: z.core.$ZodIssue, missing: boolean, locale: Locale): string {
  switch (issue.code) {
    case 'invalid_type':
      return missing ? t(locale, 'propsIssueRequired') : t(locale, 'propsIssueType', { expected: issue.expected });
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'propsIssueTooFew', { min: String(issue.minimum) });
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t(locale, 'propsIssueRequired') : t(locale, 'propsIssueTooShort', { min: String(issue.minimum) });
      return t(locale, 'propsIssueMin', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t(locale, 'propsIssueTooLong', { max: String(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'propsIssueTooMany', { max: String(issue.maximum) });
      return t(locale, 'propsIssueMax', { max: String(issue.maximum) });
    case 'invalid_value':
      return t(locale, 'propsIssueChoice', { values: issue.values.map(String).join(', ') });
    case 'invalid_union':
      return missing ? t(locale, 'propsIssueRequired') : t(locale, 'propsIssueShape');
    default:
      return issue.message;
  }
}
