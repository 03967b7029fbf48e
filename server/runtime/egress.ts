// Where `http` nodes' calls go. Flows name production URLs; a staging install or a test points
// them elsewhere with SWITCHBOARD_HTTP_REWRITE, a comma-separated list of `from=to` URL
// prefixes (`https://crm.example=http://127.0.0.1:4010`). The first matching prefix wins.
import { z } from 'zod';

export type RewriteUrl = (url: string) => string;

const Prefix = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const Rule = z.string().transform((rule, ctx) => {
  const [from, to, ...rest] = rule.split('=');
  const checked = [from, to].map((part) => Prefix.safeParse(part?.trim()));
  if (rest.length > 0 || checked.some((result) => !result.success)) {
    ctx.addIssue({ code: 'custom', message: `"${rule}" is not from=to with two http(s) URLs` });
    return z.NEVER;
  }
  return { from: (from ?? '').trim(), to: (to ?? '').trim() };
});

export function parseRewrites(spec: string | undefined): { from: string; to: string }[] {
  if (!spec?.trim()) return [];
  const parsed = z.array(Rule).safeParse(spec.split(',').filter((rule) => rule.trim() !== ''));
  if (!parsed.success) throw new Error(`SWITCHBOARD_HTTP_REWRITE: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function urlRewriter(rules: { from: string; to: string }[]): RewriteUrl {
  if (rules.length === 0) return (url) => url;
  return (url) => {
    const rule = rules.find((candidate) => url.startsWith(candidate.from));
    return rule ? rule.to + url.slice(rule.from.length) : url;
  };
}
