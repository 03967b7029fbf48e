'use client';
// What a node card can ask of the editor, given through context so node data stays small and
// stable (a callback in data would defeat memoization).
import { createContext, useContext } from 'react';

export interface CanvasActions {
  /** Opens the type picker for the "+" of an unconnected handle, at a screen point. */
  openPicker(nodeId: string, handleId: string, at: { x: number; y: number }): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ openPicker: () => undefined });

export function useCanvasActions(): CanvasActions {
  return useContext(CanvasActionsContext);
}
