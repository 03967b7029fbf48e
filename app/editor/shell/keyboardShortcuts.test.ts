import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor, type KeyPress } from './keyboardShortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyboard shortcuts', () => {
  it('maps undo and the two redo chords, on Ctrl and Cmd', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('maps clipboard, duplicate, select all, delete and help', () => {
    expect(shortcutFor(press('c', { metaKey: true }))).toBe('copy');
    expect(shortcutFor(press('x', { ctrlKey: true }))).toBe('cut');
    expect(shortcutFor(press('v', { ctrlKey: true }))).toBe('paste');
    expect(shortcutFor(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('Backspace'))).toBe('delete');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
  });

  it('leaves other keys alone', () => {
    expect(shortcutFor(press('z'))).toBeUndefined();
    expect(shortcutFor(press('c', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(shortcutFor(press('q', { ctrlKey: true }))).toBeUndefined();
  });

  it('knows no DOM in Node, so nothing counts as typing there', () => {
    expect(isTypingTarget(null)).toBe(false);
  });
});
