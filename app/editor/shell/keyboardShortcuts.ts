// Which editor command a key press means. Pure, so the mapping is unit-tested; the hook in
// useEditorShortcuts only wires it to the window.

export type ShortcutCommand =
  | 'undo'
  | 'redo'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'help'
  | 'escape';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command for a key press, or undefined when it is not an editor shortcut. */
export function shortcutFor(press: KeyPress): ShortcutCommand | undefined {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey) return undefined;
  if (mod) {
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !press.shiftKey) return 'redo';
    if (key === 'c' && !press.shiftKey) return 'copy';
    if (key === 'x' && !press.shiftKey) return 'cut';
    if (key === 'v' && !press.shiftKey) return 'paste';
    if (key === 'd' && !press.shiftKey) return 'duplicate';
    if (key === 'a' && !press.shiftKey) return 'selectAll';
    return undefined;
  }
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (key === '?') return 'help';
  if (key === 'Escape') return 'escape';
  return undefined;
}

/** True while the focus is somewhere one types: shortcuts must leave those keys alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return false;
}

/** The shortcuts as the help overlay lists them (labels are message keys). */
export const SHORTCUT_LIST = [
  { keys: ['Ctrl/⌘', 'Z'], label: 'editorKeyUndo' },
  { keys: ['Shift', 'Ctrl/⌘', 'Z'], label: 'editorKeyRedo' },
  { keys: ['Ctrl', 'Y'], label: 'editorKeyRedo' },
  { keys: ['Ctrl/⌘', 'C'], label: 'editorKeyCopy' },
  { keys: ['Ctrl/⌘', 'X'], label: 'editorKeyCut' },
  { keys: ['Ctrl/⌘', 'V'], label: 'editorKeyPaste' },
  { keys: ['Ctrl/⌘', 'D'], label: 'editorKeyDuplicate' },
  { keys: ['Delete'], label: 'editorKeyDelete' },
  { keys: ['Ctrl/⌘', 'A'], label: 'editorKeySelectAll' },
  { keys: ['Shift', '+ click / drag'], label: 'editorKeyMultiSelect' },
  { keys: ['?'], label: 'editorKeyHelp' },
] as const;
