// Checks on server-rendered HTML for the editor's rendering tests (vitest runs in node, with no
// DOM): which form controls lack an accessible name, which are enabled, where text appears.

export interface ControlTag {
  tag: string;
  html: string;
  id?: string;
  ariaLabel?: string;
  type?: string;
  disabled: boolean;
  hidden: boolean;
}

/** Every input, select, textarea and button opening tag. */
export function controls(html: string): ControlTag[] {
  return [...html.matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)].map((match) => {
    const attrs = match[2] ?? '';
    return {
      tag: match[1] ?? '',
      html: match[0],
      id: attr(attrs, 'id'),
      ariaLabel: attr(attrs, 'aria-label'),
      type: attr(attrs, 'type'),
      disabled: /\sdisabled=""/.test(attrs),
      hidden: attr(attrs, 'type') === 'hidden' || attr(attrs, 'aria-hidden') === 'true',
    };
  });
}

/** Ids that a `<label for>` names, with the label's text. */
export function labelsFor(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of html.matchAll(/<label\b[^>]*\bfor="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g)) {
    out.set(match[1] ?? '', stripTags(match[2] ?? ''));
  }
  return out;
}

/** Texts of the elements that name something: `<label>`s, and elements an aria-labelledby points at. */
export function nameTexts(html: string): string[] {
  const referenced = new Set([...html.matchAll(/aria-labelledby="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' ')));
  const labels = [...html.matchAll(/<label\b[^>]*>([\s\S]*?)<\/label>/g)].map((match) => stripTags(match[1] ?? ''));
  const byId = [...html.matchAll(/<(\w+)\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/\1>/g)]
    .filter((match) => referenced.has(match[2] ?? ''))
    .map((match) => stripTags(match[3] ?? ''));
  return [...labels, ...byId];
}

/** Controls without an accessible name: no aria-label, no <label for>, and (buttons) no text. */
export function unnamedControls(html: string): string[] {
  const labels = labelsFor(html);
  const buttonTexts = [...html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].map((match) => ({ open: match[0].slice(0, match[0].indexOf('>') + 1), text: stripTags(match[2] ?? '').trim() }));
  return controls(html)
    .filter((control) => !control.hidden && !control.ariaLabel && !(control.id && labels.get(control.id)))
    .filter((control) => control.tag !== 'button' || !buttonTexts.some((button) => button.open === control.html && button.text !== ''))
    .map((control) => control.html);
}

/** The value of `data-field-path` of the innermost field row that contains `text`'s first occurrence. */
export function fieldPathAround(html: string, text: string): string | undefined {
  const at = html.indexOf(escapeHtml(text));
  if (at < 0) return undefined;
  const before = html.slice(0, at);
  const rows = [...before.matchAll(/data-field-path="([^"]*)"/g)];
  return rows.at(-1)?.[1];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

export function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}
