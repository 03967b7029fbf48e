// The HTTP mocks editor's text: a JSON list like a journey's `mocks.http`, checked with the
// simulator's own `Mocks` schema so what the drawer accepts is what a journey accepts.
import { z } from 'zod';
import { Mocks, type HttpMock } from '@/flows';

export type MocksTextResult =
  | { ok: true; http: HttpMock[] }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Parses the editor's text; an empty text is no mocks.
 *
 * @example parseMocksText('[{ "url": "https://crm.example/*", "json": {} }]') // { ok: true, http: [...] }
 */
export function parseMocksText(text: string): MocksTextResult {
  if (text.trim() === '') return { ok: true, http: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
  }
  // A whole `mocks` object pasted from a journey is accepted too.
  const http = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'http' in raw ? raw.http : raw;
  const parsed = Mocks.safeParse({ http });
  if (parsed.success) return { ok: true, http: parsed.data.http };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.slice(1).map(String).join('.'), message: issue.message })),
  };
}

/** The editor's text for mocks (pretty JSON, empty for none). */
export function mocksToText(http: readonly unknown[]): string {
  return http.length === 0 ? '' : JSON.stringify(http, null, 2);
}

const Vars = z.record(z.string(), z.unknown());

/** The initial-variables editor's text: a JSON object (empty text is none). */
export function parseVarsText(text: string): { ok: true; vars: Record<string, unknown> } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, vars: {} };
  try {
    const parsed = Vars.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, vars: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? '' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
