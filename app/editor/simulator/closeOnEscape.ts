import type { KeyboardEvent } from 'react';

/** Escape closes a `<details>` popover and gives focus back to its summary, as menus do. */
export function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>): void {
  if (event.key !== 'Escape' || !event.currentTarget.open) return;
  event.currentTarget.open = false;
  event.currentTarget.querySelector('summary')?.focus();
  event.stopPropagation();
}
