// The body of our mails: the message text, and quick replies (when a message carries them) as
// numbered lines; the HTML part escapes the text and keeps its line breaks. A scale (a survey's
// 1–5 or 0–10) is one line of its values instead: numbered, "1. 0" would read as two answers.
import type { OutboundMessage } from '../../runtime/adapters';

export interface MailBody {
  text: string;
  html: string;
}

export function composeMail(message: Pick<OutboundMessage, 'text' | 'quickReplies' | 'mediaUrl'>): MailBody {
  const labels = message.quickReplies.map((reply) => reply.label);
  const scale = isScale(labels);
  const options = scale ? labels.join(SCALE_SEPARATOR) : labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
  const text = [message.text, options, message.mediaUrl ?? ''].filter(Boolean).join('\n\n');
  const paragraphs = message.text.split(/\n{2,}/).map((paragraph) => `<p>${lines(paragraph)}</p>`);
  const list = labels.length === 0 ? '' : scale ? `<p>${escapeHtml(options)}</p>` : `<ol>${labels.map((label) => `<li>${escapeHtml(label)}</li>`).join('')}</ol>`;
  const media = message.mediaUrl ? `<p><a href="${escapeHtml(message.mediaUrl)}">${escapeHtml(message.mediaUrl)}</a></p>` : '';
  return { text, html: `<!doctype html><html><body>${paragraphs.join('')}${list}${media}</body></html>` };
}

const SCALE_SEPARATOR = ' · ';

/** Quick replies that are all numbers: the answers themselves, which a number in front would contradict. */
function isScale(labels: string[]): boolean {
  return labels.length > 0 && labels.every((label) => /^\d+$/.test(label.trim()));
}

/** "Re: " once, before the thread's first subject. */
export function replySubject(subject: string): string {
  const bare = subject.replace(/^\s*((re|fwd?|aw|sv)\s*:\s*)+/i, '').trim();
  return `Re: ${bare}`;
}

function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
