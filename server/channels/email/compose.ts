// The body of our mails: the message text, and quick replies (when a message carries them) as
// numbered lines; the HTML part escapes the text and keeps its line breaks.
import type { OutboundMessage } from '../../runtime/adapters';

export interface MailBody {
  text: string;
  html: string;
}

export function composeMail(message: Pick<OutboundMessage, 'text' | 'quickReplies' | 'mediaUrl'>): MailBody {
  const options = message.quickReplies.map((reply, index) => `${index + 1}. ${reply.label}`);
  const text = [message.text, options.join('\n'), message.mediaUrl ?? ''].filter(Boolean).join('\n\n');
  const paragraphs = message.text.split(/\n{2,}/).map((paragraph) => `<p>${lines(paragraph)}</p>`);
  const list = message.quickReplies.length > 0 ? `<ol>${message.quickReplies.map((reply) => `<li>${escapeHtml(reply.label)}</li>`).join('')}</ol>` : '';
  const media = message.mediaUrl ? `<p><a href="${escapeHtml(message.mediaUrl)}">${escapeHtml(message.mediaUrl)}</a></p>` : '';
  return { text, html: `<!doctype html><html><body>${paragraphs.join('')}${list}${media}</body></html>` };
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
