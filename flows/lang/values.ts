import { normalizeText } from './segment';
import { safeRegex } from './rules';

export const COLLECT_KINDS = ['text', 'number', 'digits', 'email', 'phone', 'date', 'yesno', 'regex'] as const;
export type CollectKind = (typeof COLLECT_KINDS)[number];

export interface ValueRules {
  kind: CollectKind;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export type Parsed = { ok: true; value: string | number | boolean } | { ok: false };

// A Thai polite particle alone ("ค่ะ", "ครับ") is itself a yes.
// "มี"/"ไม่มี" (there is / there is none) is how Thai answers "is there…?" questions.
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yes please', 'ok', 'okay', 'sure', 'true', '1', 'ใช่', 'ใช่แล้ว', 'ถูกต้อง', 'ค่ะ', 'ครับ', 'ตกลง', 'ได้', 'มี']);
const NO = new Set(['no', 'n', 'nope', 'no thanks', 'no thank you', 'none', 'false', '2', 'ไม่', 'ไม่ใช่', 'ไม่ได้', 'ไม่ถูกต้อง', 'ไม่มี']);
// Thai answers usually end in a polite particle ("ไม่ใช่ครับ", "ใช่แล้วค่ะ") that says nothing
// about yes or no, so it is dropped before the answer is looked up.
const POLITE_ENDING = /(?:นะ)?(?:ค่ะ|คะ|ครับ|คับ|จ้ะ|จ้า|จ๊ะ)$|นะ$/u;
// Regex input is capped so a designer's pattern cannot backtrack for long on a huge message.
const MAX_MATCH_LENGTH = 2_000;

/**
 * Parses a collected answer by kind. Numbers are stored as numbers, yes/no as booleans, the
 * rest as trimmed strings; `digits` takes DTMF or typed digits. Length limits count characters
 * (digits for `digits`).
 *
 * @example parseValue({ text: ' 42 ' }, { kind: 'number' }) // { ok: true, value: 42 }
 */
export function parseValue(reply: { text?: string; digits?: string }, rules: ValueRules): Parsed {
  const raw = (rules.kind === 'digits' ? reply.digits ?? reply.text : reply.text ?? reply.digits)?.trim() ?? '';
  if (raw === '') return { ok: false };
  const parsed = parseKind(raw, rules);
  if (!parsed.ok || typeof parsed.value !== 'string') return parsed;
  const length = [...parsed.value].length;
  if (rules.minLength !== undefined && length < rules.minLength) return { ok: false };
  if (rules.maxLength !== undefined && length > rules.maxLength) return { ok: false };
  return parsed;
}

function parseKind(raw: string, rules: ValueRules): Parsed {
  switch (rules.kind) {
    case 'text':
      return { ok: true, value: raw };
    case 'number': {
      const cleaned = normalizeText(raw).replace(/[,\s]/g, '');
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? { ok: true, value: Number(cleaned) } : { ok: false };
    }
    case 'digits': {
      const cleaned = normalizeText(raw).replace(/[\s-]/g, '');
      return /^\d+$/.test(cleaned) ? { ok: true, value: cleaned } : { ok: false };
    }
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw) ? { ok: true, value: raw } : { ok: false };
    case 'phone': {
      const cleaned = normalizeText(raw).replace(/[\s().-]/g, '');
      return /^\+?\d{6,15}$/.test(cleaned) ? { ok: true, value: cleaned } : { ok: false };
    }
    case 'date':
      return parseDate(raw);
    case 'yesno': {
      const answer = normalizeText(raw).replace(/[.!?]+$/, '');
      const bare = answer.replace(POLITE_ENDING, '').trim();
      if (YES.has(answer) || YES.has(bare)) return { ok: true, value: true };
      if (NO.has(answer) || NO.has(bare)) return { ok: true, value: false };
      return { ok: false };
    }
    case 'regex': {
      const pattern = safeRegex(rules.pattern ?? '');
      return pattern && raw.length <= MAX_MATCH_LENGTH && pattern.test(raw) ? { ok: true, value: raw } : { ok: false };
    }
    default: {
      const exhaustive: never = rules.kind;
      throw new Error(`unknown collect kind ${String(exhaustive)}`);
    }
  }
}

/** Accepts YYYY-MM-DD, DD/MM/YYYY and DD-MM-YYYY; stores YYYY-MM-DD. Buddhist-era years (> 2400) are converted. */
function parseDate(raw: string): Parsed {
  const text = normalizeText(raw);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (Number.isNaN(year)) return { ok: false };
  const gregorian = year > 2400 ? year - 543 : year;
  const date = new Date(Date.UTC(gregorian, month - 1, day));
  if (date.getUTCFullYear() !== gregorian || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false };
  }
  return { ok: true, value: date.toISOString().slice(0, 10) };
}
