'use client';
// The system clipboard for copy/paste between flows and tabs; localStorage when the browser
// refuses clipboard access (no permission, insecure origin).
import { parseClipboard, type ClipboardContent } from '../state/clipboard';

const FALLBACK_KEY = 'switchboard:clipboard';

export async function writeClipboard(content: ClipboardContent): Promise<void> {
  const text = JSON.stringify(content);
  try {
    window.localStorage.setItem(FALLBACK_KEY, text);
  } catch {
    // Storage refused; the system clipboard below may still work.
  }
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The fallback copy above is what paste will read.
  }
}

export async function readClipboard(): Promise<ClipboardContent | undefined> {
  try {
    const fromSystem = parseClipboard(await navigator.clipboard.readText());
    if (fromSystem) return fromSystem;
  } catch {
    // No permission: use the fallback.
  }
  try {
    return parseClipboard(window.localStorage.getItem(FALLBACK_KEY) ?? '');
  } catch {
    return undefined;
  }
}
