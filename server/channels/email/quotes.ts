// The new part of a reply: mail clients quote the whole thread below (or, rarely, above) the
// answer. We keep what comes before the first quote header and drop `>` lines. Simple on
// purpose: it handles Gmail, Apple Mail, Thunderbird and Outlook's plain-text forms.

/** "On Mon, 2 Mar 2026 at 10:00, Ana <ana@x> wrote:", possibly wrapped over two lines; Thai Gmail. */
const ATTRIBUTION = /^(On\s.+\swrote:|เมื่อ\s.+\sเขียนว่า:)\s*$/i;
/** How an attribution begins, to join one wrapped over two lines (Gmail wraps at ~78 columns). */
const ATTRIBUTION_START = /^(On|เมื่อ)\s/i;
/** Outlook and others: a separator line before the quoted message. */
const SEPARATOR = /^(-{2,}\s*Original Message\s*-{2,}|_{10,})\s*$/i;
/** Outlook's plain-text header block: "From: …" then "Sent: …" (or "Date: …"). */
const HEADER_BLOCK = [/^From:\s/i, /^(Sent|Date):\s/i] as const;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    const next = lines[index + 1]?.trim() ?? '';
    const wrapped = ATTRIBUTION_START.test(trimmed) && ATTRIBUTION.test(`${trimmed} ${next}`);
    const outlook = HEADER_BLOCK[0].test(trimmed) && HEADER_BLOCK[1].test(next);
    if (ATTRIBUTION.test(trimmed) || wrapped || outlook || SEPARATOR.test(trimmed)) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
