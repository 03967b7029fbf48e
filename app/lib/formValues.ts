/** A text field of a submitted form; '' when absent (FormData may also hold files). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * A cheap check before asking the server, which has the final say: something@domain.tld.
 *
 * @example looksLikeEmail('ana@example.com') // → true
 */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Moves focus to the named input, so a keyboard or screen-reader user lands on the problem. */
export function focusField(form: HTMLFormElement, name: string): void {
  const element = form.elements.namedItem(name);
  if (element instanceof HTMLInputElement) element.focus();
}
