// PLACEHOLDER: replaced at merge by the owning engineer's version.
'use client';
import type { SimulatorDrawerProps } from '../contracts';

export function SimulatorDrawer({ onClose }: SimulatorDrawerProps) {
  return (
    <div>
      <button type="button" onClick={onClose}>×</button>
    </div>
  );
}
