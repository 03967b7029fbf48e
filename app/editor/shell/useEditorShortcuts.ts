'use client';
// The editor's keyboard: undo/redo, clipboard, duplicate, delete, select all and help, ignored
// while the focus is in a field so typing never deletes nodes.
import { useEffect, useRef } from 'react';
import { clipboardOf, type EditorAction, type EditorState } from '../state/editorState';
import { isTypingTarget, shortcutFor, type ShortcutCommand } from './keyboardShortcuts';
import { readClipboard, writeClipboard } from './systemClipboard';

export interface ShortcutHandlers {
  state: EditorState;
  readOnly: boolean;
  /** A dialog is open: only Escape reaches the editor. */
  modal: boolean;
  dispatch(action: EditorAction): void;
  onHelp(): void;
  onEscape(): void;
  onCopied(count: number): void;
  onNothingToPaste(): void;
}

const READ_ONLY_COMMANDS: ReadonlySet<ShortcutCommand> = new Set(['copy', 'selectAll', 'help', 'escape']);

export function useEditorShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = shortcutFor(event);
      if (!command) return;
      const h = latest.current;
      if (h.modal && command !== 'escape') return;
      if (h.readOnly && !READ_ONLY_COMMANDS.has(command)) return;
      event.preventDefault();
      void run(command, h);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

async function run(command: ShortcutCommand, h: ShortcutHandlers): Promise<void> {
  switch (command) {
    case 'undo':
      return h.dispatch({ type: 'undo' });
    case 'redo':
      return h.dispatch({ type: 'redo' });
    case 'duplicate':
      return h.dispatch({ type: 'duplicate' });
    case 'delete':
      return h.dispatch({ type: 'deleteSelection' });
    case 'selectAll':
      return h.dispatch({ type: 'selectAll' });
    case 'help':
      return h.onHelp();
    case 'escape':
      return h.onEscape();
    case 'copy':
    case 'cut': {
      const content = clipboardOf(h.state);
      if (!content) return;
      await writeClipboard(content);
      h.onCopied(content.nodes.length);
      if (command === 'cut') h.dispatch({ type: 'deleteSelection' });
      return;
    }
    case 'paste': {
      const content = await readClipboard();
      if (content) h.dispatch({ type: 'paste', content });
      else h.onNothingToPaste();
      return;
    }
    default:
      return exhaustive(command);
  }
}

function exhaustive(value: never): never {
  throw new Error(`unhandled shortcut ${String(value)}`);
}
