// `?next=` comes from a link anyone can craft: following it blindly would let a phishing link
// send someone to another site right after they typed their password here.
const PROBE_ORIGIN = 'http://switchboard.invalid';

/**
 * The path to continue to after signing in, or undefined unless `value` is a path on this site.
 * Rejects absolute URLs and the look-alikes browsers read as another host (`//x`, `/\x`).
 *
 * @example safeNextPath('/flows?lang=th') // → '/flows?lang=th'
 * @example safeNextPath('//evil.example') // → undefined
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
